// char-width-table-consumer ships no types. Used here: a consumer of a table of
// `[first, last, width]` code-point ranges, whose widthOf counts a character without a width
// as one "m" (guess: true, the default).
declare module 'char-width-table-consumer' {
  export interface CharWidthTableConsumer {
    readonly emWidth: number;
    widthOf(text: string, options?: { guess?: boolean }): number;
  }
  export function createConsumer(data: readonly (readonly [number, number, number])[]): CharWidthTableConsumer;
}
