import { describe, expect, it } from 'vitest';

import { escapeHtml } from '../../shared/escape-html';

describe('escapeHtml', () => {
  it('turns markup and both quote kinds into entities, ampersands first so nothing is escaped twice', () => {
    expect(escapeHtml(`<a href="x" title='y'>Fish & Chips &amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Fish &amp; Chips &amp;amp;&lt;/a&gt;',
    );
  });
});
