// A bounded undo stack: each labelling step remembers what it replaced, so undo restores exactly the state before it.

export class UndoStack<T> {
  readonly #items: T[] = [];

  constructor(readonly limit = 500) {}

  push(item: T): void {
    this.#items.push(item);
    if (this.#items.length > this.limit) this.#items.shift();
  }

  pop(): T | undefined {
    return this.#items.pop();
  }

  peek(): T | undefined {
    return this.#items.at(-1);
  }

  get size(): number {
    return this.#items.length;
  }

  clear(): void {
    this.#items.length = 0;
  }
}
