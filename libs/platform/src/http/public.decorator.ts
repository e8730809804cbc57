import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'lc:public';
/** No token needed (the global auth guard lets the request through). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
