/**
 * A JSON text read in pieces, as a file streams in: the top-level object's fields are told one at a
 * time, and a field holding a list is told element by element, each as its own text. Nothing but the
 * value being read is held, and each value is bounded in size; nesting is bounded across the whole
 * text. The texts told are not yet parsed: the reader of a value parses it (parseJson below), so a
 * malformed value is refused there.
 */
import { MAX_BACKUP_DEPTH } from './backup-format';

/** Why a text cannot be read: not JSON, nested too deep, or a value larger than its bound. */
export class ScanError {
  constructor(
    readonly kind: 'json' | 'deep' | 'large',
    /** The field whose value it was, and the element's place in its list (-1: the field's value). */
    readonly field: string | null = null,
    readonly index = -1,
  ) {}
}

/** How a field's value is read: a list element by element, or one value; and its largest size in characters. */
export interface Take {
  list: boolean;
  max: number;
}

export interface ScanSink {
  take(field: string): Take;
  value(field: string, text: string): void;
  element(field: string, index: number, text: string): void;
  /** A list field's list closed. */
  listEnd(field: string): void;
  /** The whole text was one value that is not an object. */
  top(text: string): void;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  }
  catch {
    throw new ScanError('json');
  }
}

/** The value being read: where it started in the current piece and what came in earlier pieces. */
interface Capture {
  kind: 'string' | 'compound' | 'primitive';
  /** Nesting outside the value (the top-level object, a list). */
  base: number;
  depth: number;
  inString: boolean;
  escape: boolean;
  parts: string[];
  size: number;
  from: number;
  max: number;
  field: string | null;
  index: number;
  done: (text: string) => void;
}

type State = 'start' | 'key' | 'key-or-end' | 'colon' | 'value' | 'elem' | 'elem-or-end' | 'comma-or-end' | 'after' | 'done';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** The longest field name read. */
const MAX_NAME = 1000;

export class JsonScanner {
  private state: State = 'start';
  private field = '';
  private index = 0;
  private capture: Capture | null = null;

  constructor(private readonly sink: ScanSink) {}

  push(piece: string): void {
    let i = 0;
    while (i < piece.length) {
      if (this.capture) {
        i = this.read(this.capture, piece, i);
        continue;
      }
      const c = piece.charCodeAt(i);
      if (isSpace(c)) i++;
      else i = this.step(piece, i, c);
    }
    const open = this.capture;
    if (open) {
      open.parts.push(piece.slice(open.from));
      open.size += piece.length - open.from;
      open.from = 0;
    }
  }

  /** The text ended: a value still open (a bare number at the top) ends with it; anything else open is not JSON. */
  end(): void {
    const open = this.capture;
    if (open?.kind === 'primitive') this.finish(open, '', 0);
    if (this.capture || this.state !== 'done') throw new ScanError('json');
  }

  private begin(piece: string, i: number, base: number, max: number, index: number, done: (text: string) => void) {
    const c = piece.charCodeAt(i);
    const kind = c === 0x22 ? 'string' : c === 0x7b || c === 0x5b ? 'compound' : 'primitive';
    const field = this.state === 'start' ? null : this.field;
    const fresh = { depth: 0, inString: false, escape: false, parts: [], size: 0, from: i };
    this.capture = { kind, base, max, field, index, done, ...fresh };
    return i;
  }

  private step(piece: string, i: number, c: number): number {
    const fail = () => {
      throw new ScanError('json');
    };
    switch (this.state) {
      case 'start':
        if (c === 0x7b) return this.to('key-or-end', i);
        return this.begin(piece, i, 0, Infinity, -1, (text) => {
          this.state = 'done';
          this.sink.top(text);
        });
      case 'key-or-end':
      case 'key':
        if (c === 0x7d && this.state === 'key-or-end') return this.to('done', i);
        if (c !== 0x22) fail();
        return this.begin(piece, i, 1, MAX_NAME, -1, (text) => {
          this.field = parseJson(text) as string;
          this.state = 'colon';
        });
      case 'colon':
        return c === 0x3a ? this.to('value', i) : fail();
      case 'value': {
        const take = this.sink.take(this.field);
        if (take.list && c === 0x5b) {
          this.index = 0;
          return this.to('elem-or-end', i);
        }
        return this.begin(piece, i, 1, take.max, -1, (text) => {
          this.state = 'after';
          this.sink.value(this.field, text);
        });
      }
      case 'elem-or-end':
        if (c === 0x5d) return this.closeList(i);
        this.state = 'elem';
        return this.element(piece, i);
      case 'elem':
        return this.element(piece, i);
      case 'comma-or-end':
        if (c === 0x2c) return this.to('elem', i);
        return c === 0x5d ? this.closeList(i) : fail();
      case 'after':
        if (c === 0x2c) return this.to('key', i);
        return c === 0x7d ? this.to('done', i) : fail();
      default:
        return fail();
    }
  }

  private to(state: State, i: number): number {
    this.state = state;
    return i + 1;
  }

  private closeList(i: number): number {
    this.state = 'after';
    this.sink.listEnd(this.field);
    return i + 1;
  }

  private element(piece: string, i: number): number {
    const { max } = this.sink.take(this.field);
    const index = this.index++;
    return this.begin(piece, i, 2, max, index, (text) => {
      this.state = 'comma-or-end';
      this.sink.element(this.field, index, text);
    });
  }

  /** Reads on in the open value from `i`; returns where reading goes on after it (or the piece's end). */
  private read(cap: Capture, piece: string, i: number): number {
    const n = piece.length;
    while (i < n) {
      if (cap.size + (i - cap.from) > cap.max) throw new ScanError('large', cap.field, cap.index);
      if (cap.inString) {
        if (cap.escape) {
          cap.escape = false;
          i++;
          continue;
        }
        const quote = piece.indexOf('"', i);
        const slash = piece.indexOf('\\', i);
        if (slash !== -1 && (quote === -1 || slash < quote)) {
          cap.escape = true;
          i = slash + 1;
          continue;
        }
        if (quote === -1) return n;
        cap.inString = false;
        i = quote + 1;
        if (cap.kind === 'string') return this.finish(cap, piece, i);
        continue;
      }
      const c = piece.charCodeAt(i);
      if (cap.kind === 'primitive') {
        if (isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d) return this.finish(cap, piece, i);
        i++;
        continue;
      }
      i++;
      if (c === 0x22) cap.inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (cap.base + ++cap.depth > MAX_BACKUP_DEPTH) throw new ScanError('deep');
      }
      else if ((c === 0x7d || c === 0x5d) && --cap.depth === 0) return this.finish(cap, piece, i);
    }
    return n;
  }

  private finish(cap: Capture, piece: string, end: number): number {
    if (cap.size + (end - cap.from) > cap.max) throw new ScanError('large', cap.field, cap.index);
    const last = piece.slice(cap.from, end);
    const text = cap.parts.length === 0 ? last : cap.parts.join('') + last;
    this.capture = null;
    cap.done(text);
    return end;
  }
}
