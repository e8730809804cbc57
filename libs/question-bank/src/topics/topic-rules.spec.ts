import { childPath, isWithin, relocate, topicName } from './topic-rules';

describe('topic rules', () => {
  it('reads a topic name: one level, tidied', () => {
    expect(topicName('  Luật   Bầu cử ')).toEqual({ name: 'Luật Bầu cử' });
    expect(topicName('A/B').problem).toMatch(/may not contain "\/"/);
    expect(topicName('   ').problem).toBe('A topic needs a name');
    expect(topicName('x'.repeat(201)).problem).toBe('each topic level must be at most 200 characters');
  });

  it('places a child under its parent', () => {
    expect(childPath(null, 'Bầu cử')).toEqual({ path: 'Bầu cử' });
    expect(childPath('Bầu cử', 'Cử tri')).toEqual({ path: 'Bầu cử/Cử tri' });
    expect(childPath('x'.repeat(499), 'y').problem).toBe('topic must be at most 500 characters');
  });

  it('tells a subtopic from a topic that merely starts with the same letters', () => {
    expect(isWithin('Bầu cử/Cử tri', 'Bầu cử')).toBe(true);
    expect(isWithin('Bầu cử', 'Bầu cử')).toBe(true);
    expect(isWithin('Bầu cử HĐND', 'Bầu cử')).toBe(false);
  });

  it('moves a topic with everything under it, and renames in place', () => {
    const subtree = ['A/B', 'A/B/C', 'A/B/C/D'];
    expect([...relocate('A/B', subtree, { parentPath: 'X', name: 'B' }).moves!]).toEqual([
      ['A/B', 'X/B'],
      ['A/B/C', 'X/B/C'],
      ['A/B/C/D', 'X/B/C/D'],
    ]);
    expect([...relocate('A/B', subtree, { parentPath: 'A', name: 'Bé' }).moves!.values()]).toEqual(['A/Bé', 'A/Bé/C', 'A/Bé/C/D']);
    expect([...relocate('A/B', subtree, { parentPath: null, name: 'B' }).moves!.values()]).toEqual(['B', 'B/C', 'B/C/D']);
  });

  it('refuses a move under itself, too deep or too long', () => {
    expect(relocate('A', ['A', 'A/B'], { parentPath: 'A/B', name: 'A' }).problem).toBe('A topic cannot be moved under itself or one of its subtopics');
    expect(relocate('A', ['A'], { parentPath: 'A', name: 'A' }).problem).toBe('A topic cannot be moved under itself or one of its subtopics');
    const deep = '1/2/3/4/5/6/7/8';
    expect(relocate('A', ['A', 'A/B', 'A/B/C'], { parentPath: deep, name: 'A' }).problem).toBe('topics nest at most 10 levels deep');
    expect(relocate('A', ['A', `A/${'y'.repeat(200)}`], { parentPath: 'x'.repeat(300), name: 'A' }).problem).toBe('topic must be at most 500 characters');
  });
});
