import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/** The response schema of a `Page<T>` of one item class, named `<Item>Page` (one class per item). */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; total: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number }>;
  class PageOfItem {
    @ApiProperty({ type: () => [item] })
    items!: T[];

    @ApiProperty({ type: 'integer', description: 'All matching items, not only this page' })
    total!: number;
  }
  Object.defineProperty(PageOfItem, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, PageOfItem);
  return PageOfItem;
}
