import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TLIB_ATTRIBUTES } from '../protocol/attribute-ids';
import { GOLDEN_FIXTURES } from '../testing/golden-fixtures';

const DOC = join(__dirname, '../../../../docs/tlib-wire.md');
const text = readFileSync(DOC, 'utf8');

/** The annotated hex blocks of docs/tlib-wire.md, each marked `<!-- fixture: Name -->`. */
function documentedExamples(): [string, Buffer][] {
  return [...text.matchAll(/<!-- fixture: (.+?) -->\s*```text\n([\s\S]*?)```/g)].map(([, name, block]) => {
    const hex = block!.replace(/#.*$/gm, '').replace(/\s+/g, '');
    return [name!, Buffer.from(hex, 'hex')];
  });
}

describe('docs/tlib-wire.md', () => {
  const examples = documentedExamples();

  it('has at least three worked examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('shows %s byte for byte as its golden fixture', (name, bytes) => {
    const fixture = GOLDEN_FIXTURES.find((candidate) => candidate.name === name);
    expect(fixture).toBeDefined();
    expect(bytes).toEqual(Buffer.from(fixture!.bytes));
  });
});

/** The attributes whose value type public sources state (the first table of section 10). */
const PUBLICLY_TYPED = [
  'ProtocolVersion',
  'ReferenceID',
  'ConnID',
  'ThisDN',
  'UserData',
  'Extensions',
  'Reasons',
  'EventSequenceNumber',
  'TimeStamp',
  'InputMask',
];

/** Attribute name -> type for every attribute listed under "Every other type is our choice". */
function documentedChoices(): Map<string, string> {
  const choices = new Map<string, string>();
  for (const [, type, list] of text.matchAll(/^- `(\w+)` \(\d+\): (.+)\.$/gm)) {
    for (const [, name] of list!.matchAll(/(\w+) \(\d+\)/g)) choices.set(name!, type!);
  }
  return choices;
}

describe('docs/tlib-wire.md value types', () => {
  it('lists every attribute type that public sources do not state, as the registry has it', () => {
    const stated = new Set<string>(PUBLICLY_TYPED);
    const ours = TLIB_ATTRIBUTES.filter(([, name]) => !stated.has(name));
    expect(documentedChoices()).toEqual(new Map(ours.map(([, name, type]) => [name, type])));
  });
});
