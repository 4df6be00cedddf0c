import { describe, expect, it } from 'vitest';
import { revealResult, type Revealable } from './reveal';

function recorder(): Revealable & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    focus: (options) => calls.push(`focus ${JSON.stringify(options)}`),
    scrollIntoView: (options) => calls.push(`scroll ${JSON.stringify(options)}`),
  };
}

describe('revealResult', () => {
  it('focuses the result without jumping, then scrolls it to the top smoothly', () => {
    const element = recorder();
    revealResult(element, false);
    expect(element.calls).toEqual(['focus {"preventScroll":true}', 'scroll {"block":"start","behavior":"smooth"}']);
  });

  it('scrolls at once when the user asks for reduced motion', () => {
    const element = recorder();
    revealResult(element, true);
    expect(element.calls.at(-1)).toBe('scroll {"block":"start","behavior":"auto"}');
  });
});
