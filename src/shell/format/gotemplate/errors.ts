// Go template errors: the message is exactly what Go's parse and exec errors print.

export class TemplateError extends Error {
  /** For execution errors: the output Go had already written before it stopped. */
  readonly partial?: string;

  constructor(message: string, partial?: string) {
    super(message);
    this.name = 'TemplateError';
    this.partial = partial;
  }
}
