// Live queries that failed, for the shell's notice: a failed read must not pass for an empty list or a zero count.
class QueryFailures {
  // Newest last; a query that succeeds again takes its failure back.
  #failures = $state.raw<{ query: object; error: unknown }[]>([]);

  /** The newest failure still standing. */
  get latest(): unknown {
    return this.#failures.at(-1)?.error;
  }

  report(query: object, error: unknown): void {
    this.#failures = [...this.#failures.filter((f) => f.query !== query), { query, error }];
  }

  recovered(query: object): void {
    if (this.#failures.some((f) => f.query === query)) this.#failures = this.#failures.filter((f) => f.query !== query);
  }

  dismiss(): void {
    this.#failures = [];
  }
}

export const queryFailures = new QueryFailures();
