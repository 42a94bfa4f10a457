// opencc-js publishes its dictionaries as modules without type declarations: each is one string.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
