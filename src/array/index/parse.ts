// SPDX-License-Identifier: Apache-2.0
/**
 * The NumPy index string parser: `"1:5, ::2"`, `"..., 0"`, `"None, :"`, `"[0, 2, -1], True"` become
 * the same parts the array form takes. A small tokenizer and a recursive descent over this grammar
 * (the subset of Python's subscript syntax that denotes an index):
 *
 *     index := ε | item ("," item)* [","]
 *     item  := "..." | "Ellipsis" | "None" | "True" | "False" | list | int | [b] ":" [b] [":" [b]]
 *     b     := int | "None"
 *     list  := "[" [elem ("," elem)* [","]] "]"          elem := int | "True" | "False" | list
 *     int   := ["+" | "-"] digits
 *
 * An empty string, or `()`, is the empty tuple (NumPy's `x[()]`).
 */
import { IndexError } from "../../errors.js";
import { ELLIPSIS, type IndexList, type LiteralIndexPart } from "./parts.js";
import { slice } from "./slice.js";

/** NumPy's message for anything that is not an index. */
export const INVALID_INDEX_MESSAGE =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

/** Python's message for a slice bound that is not an integer. */
const SLICE_BOUND_MESSAGE = "slice indices must be integers or None or have an __index__ method";

/**
 * A bound on the parser's recursion. NumPy's own limit of 64 dimensions is checked where lists
 * become arrays (with NumPy's message); this only keeps absurd nesting off the stack.
 */
const MAX_LIST_DEPTH = 1000;

type TokenKind = "int" | "float" | "name" | "..." | ":" | "," | "[" | "]" | "(" | ")" | "+" | "-" | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly pos: number;
}

/**
 * Parses a NumPy index string into index parts.
 *
 * @example
 * parseIndex("1:, ..., None, [0, -1]") // [slice(1, null), "...", null, [0, -1]]
 * @throws IndexError naming the text and the position of the first problem.
 */
export function parseIndex(text: string): LiteralIndexPart[] {
  return new Parser(text).index();
}

class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text, (reason, pos) => this.fail(reason, pos));
  }

  index(): LiteralIndexPart[] {
    const parts: LiteralIndexPart[] = [];
    if (this.peek().kind === "end") return parts;
    if (this.peek().kind === "(" && this.tokens[this.at + 1]!.kind === ")" && this.tokens[this.at + 2]!.kind === "end") {
      return parts; // `()`, Python's empty tuple
    }
    parts.push(this.item());
    while (this.peek().kind === ",") {
      this.next();
      if (this.peek().kind === "end") break; // trailing comma: `x[1,]`
      parts.push(this.item());
    }
    const t = this.peek();
    if (t.kind !== "end") this.fail(`expected "," but found ${quote(t)}`, t.pos);
    return parts;
  }

  private item(): LiteralIndexPart {
    const t = this.peek();
    switch (t.kind) {
      case "...":
        this.next();
        return ELLIPSIS;
      case "name":
        if (t.text === "None" && this.tokens[this.at + 1]!.kind === ":") return this.sliceOrInt(); // `None:3`
        this.next();
        if (t.text === "None") return null;
        if (t.text === "Ellipsis") return ELLIPSIS;
        return this.boolean(t);
      case "[":
        return this.list(1);
      default:
        return this.sliceOrInt();
    }
  }

  /** `int`, or a slice of up to three optional integers separated by colons. */
  private sliceOrInt(): LiteralIndexPart {
    // Python words a float differently in a slice (`1.5:2`) and as an index (`1.5`).
    let end = this.at;
    while (!["end", ",", ":"].includes(this.tokens[end]!.kind)) end++;
    const floatMessage = this.tokens[end]!.kind === ":" ? SLICE_BOUND_MESSAGE : INVALID_INDEX_MESSAGE;
    const bounds = [this.optionalInt(floatMessage)];
    while (this.peek().kind === ":") {
      const colon = this.next();
      if (bounds.length === 3) this.fail("too many colons", colon.pos);
      bounds.push(this.optionalInt(SLICE_BOUND_MESSAGE));
    }
    if (bounds.length === 1) {
      if (bounds[0] === null) this.unexpected(this.peek());
      return bounds[0]!;
    }
    return slice(bounds[0], bounds[1], bounds[2]);
  }

  /** A slice bound (an integer, `None`, or nothing), or the integer of an index. */
  private optionalInt(floatMessage: string): number | null {
    const t = this.peek();
    if (t.kind === "name" && t.text === "None") {
      this.next();
      return null;
    }
    return t.kind === "int" || t.kind === "+" || t.kind === "-" || t.kind === "float" ? this.int(floatMessage) : null;
  }

  /** A signed integer; `floatMessage` is Python's complaint about a float in this position. */
  private int(floatMessage = INVALID_INDEX_MESSAGE): number {
    const first = this.next();
    const sign = first.kind === "-" ? -1 : 1;
    const digits = first.kind === "+" || first.kind === "-" ? this.next() : first;
    if (digits.kind === "float") this.fail(`${floatMessage}, got ${quote(digits)}`, digits.pos);
    if (digits.kind !== "int") this.fail(`expected an integer after "${first.text}" but found ${quote(digits)}`, digits.pos);
    // Beyond float64's range every index is out of bounds and every slice bound clamps, so the
    // largest finite integer behaves exactly like the literal.
    const value = Math.min(Number(digits.text), Number.MAX_VALUE);
    return sign * value + 0; // `+ 0` turns -0 into 0
  }

  private boolean(t: Token): boolean {
    if (t.text === "True") return true;
    if (t.text === "False") return false;
    return this.fail(`unknown name ${quote(t)}`, t.pos);
  }

  private list(depth: number): IndexList {
    const open = this.next();
    if (depth > MAX_LIST_DEPTH) this.fail(`index list nested more than ${MAX_LIST_DEPTH} deep`, open.pos);
    const items: (number | boolean | IndexList)[] = [];
    while (this.peek().kind !== "]") {
      const t = this.peek();
      if (t.kind === "end") this.fail(`unclosed "["`, open.pos);
      if (t.kind === "[") items.push(this.list(depth + 1));
      else if (t.kind === "name" && (t.text === "True" || t.text === "False")) items.push(this.boolean(this.next()));
      else if (t.kind === "int" || t.kind === "+" || t.kind === "-" || t.kind === "float") items.push(this.int());
      else this.unexpected(t);
      const sep = this.peek();
      if (sep.kind === ",") this.next();
      else if (sep.kind === "end") this.fail(`unclosed "["`, open.pos);
      else if (sep.kind !== "]") this.fail(`expected "," or "]" but found ${quote(sep)}`, sep.pos);
    }
    this.next();
    return items;
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private next(): Token {
    const t = this.tokens[this.at]!;
    if (t.kind !== "end") this.at++;
    return t;
  }

  private unexpected(t: Token): never {
    return this.fail(`unexpected ${quote(t)}`, t.pos);
  }

  private fail(reason: string, pos: number): never {
    throw new IndexError(`invalid index ${JSON.stringify(this.text)}: ${reason} at position ${pos}`);
  }
}

function quote(t: Token): string {
  return t.kind === "end" ? "the end" : JSON.stringify(t.text);
}

const SINGLE: Partial<Record<string, TokenKind>> = {
  ":": ":", ",": ",", "[": "[", "]": "]", "(": "(", ")": ")", "+": "+", "-": "-",
};

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && (isDigit(c) || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
}

function tokenize(text: string, fail: (reason: string, pos: number) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const digits = (): void => {
    while (isDigit(text[i])) i++;
  };
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const single = SINGLE[c];
    if (single !== undefined) {
      tokens.push({ kind: single, text: c, pos: i++ });
    } else if (text.startsWith("...", i)) {
      i += 3;
      tokens.push({ kind: "...", text: "...", pos: start });
    } else if (isDigit(c) || (c === "." && isDigit(text[i + 1]))) {
      // Python number literals that are not integers (`1.5`, `1.`, `.5`, `2e3`) become one
      // "float" token so the error names the whole literal.
      digits();
      let float = false;
      if (text[i] === "." && text[i + 1] !== ".") {
        float = true;
        i++;
        digits();
      }
      if ((text[i] === "e" || text[i] === "E") && (isDigit(text[i + 1]) || ((text[i + 1] === "+" || text[i + 1] === "-") && isDigit(text[i + 2])))) {
        float = true;
        i += 2;
        digits();
      }
      if (isNameChar(text[i])) fail(`invalid number ${JSON.stringify(text.slice(start, i + 1))}`, start);
      tokens.push({ kind: float ? "float" : "int", text: text.slice(start, i), pos: start });
    } else if (isNameChar(c)) {
      while (isNameChar(text[i])) i++;
      tokens.push({ kind: "name", text: text.slice(start, i), pos: start });
    } else {
      fail(`unexpected character ${JSON.stringify(c)}`, start);
    }
  }
  tokens.push({ kind: "end", text: "", pos: text.length });
  return tokens;
}
