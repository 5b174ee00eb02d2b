import * as assert from 'node:assert/strict';
import { markdownSupport, plainText } from '../../server/src/markup';

describe('markup: markdown as plain text for clients without markdown', () => {
  it('drops bold, inline code and heading marks, resolves escapes and spells links out', () => {
    assert.equal(
      plainText(
        '**Goal** `ig-traffic`: Grow \\*fast\\* \\_now\\_ \\[1\\]\n\n## Facts\n\n- Owner: Marketing (`marketing`)\n\n---\n\nSee [Rule documentation](https://example.test/rules/x.md).',
      ),
      'Goal ig-traffic: Grow *fast* _now_ [1]\n\nFacts\n\n- Owner: Marketing (marketing)\n\n---\n\nSee Rule documentation (https://example.test/rules/x.md).',
    );
  });

  it('keeps text inside inline code as written', () => {
    assert.equal(plainText('`a*b*c` and `x\\y`'), 'a*b*c and x\\y');
  });

  it('reads what the client renders: markdown unless it names formats without it', () => {
    assert.deepEqual(markdownSupport({}), { hover: true, completion: true });
    assert.deepEqual(
      markdownSupport({
        textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext', 'markdown'] } } },
      }),
      { hover: false, completion: true },
    );
  });
});
