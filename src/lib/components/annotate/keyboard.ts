// Keyboard shortcuts of the labelling view: which command a key press means, and when shortcuts must stay quiet.

export type Command = { kind: 'label'; index: number } | { kind: 'next' | 'previous' | 'undo' | 'skip' | 'help' | 'answer' };

/** True while the user types in a field, or a modal dialog is open: shortcuts then do nothing (a checkbox or radio
 * button takes no text, so with focus there the shortcuts still work). */
export function shortcutsOff(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target?.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return Boolean(document.querySelector('dialog[open]'));
}

/** The command of a key press, or undefined. Digits also work unshifted on AZERTY keyboards (by key position). */
export function commandOf(event: KeyboardEvent): Command | undefined {
  if (event.altKey) return undefined;
  const key = event.key;
  if (event.ctrlKey || event.metaKey) return key.toLowerCase() === 'z' && !event.shiftKey ? { kind: 'undo' } : undefined;
  const digit = /^[1-9]$/.test(key) ? key : /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
  if (digit) return { kind: 'label', index: Number(digit) - 1 };
  switch (key) {
    case 'ArrowRight':
      return { kind: 'next' };
    case 'ArrowLeft':
      return { kind: 'previous' };
    case 'z':
    case 'Z':
      return { kind: 'undo' };
    case 's':
    case 'S':
      return { kind: 'skip' };
    case 'a':
    case 'A':
      return { kind: 'answer' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}
