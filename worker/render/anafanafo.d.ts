// anafanafo ships no types. Its one export: the width in px of `text` in one of four fonts.
declare module 'anafanafo' {
  export default function anafanafo(
    text: string,
    options: { font: '10px Verdana' | 'bold 10px Verdana' | '11px Verdana' | 'bold 11px Helvetica'; guess?: boolean },
  ): number;
}
