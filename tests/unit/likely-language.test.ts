import { describe, expect, it } from 'vitest';
import { likelyLanguage } from '../../src/i18n/files';
import { sessionFromUrl } from '../../src/state/session-slice';

/** The page's first script guesses the language the session will choose, to fetch its words early. */
describe('likelyLanguage', () => {
  const cases: [search: string, browser: string][] = [
    ['?lang=it', 'en-US'],
    ['?lang=en', 'it-IT'],
    ['?p=chevron&lang=IT', 'en-GB'],
    ['?lang=%20en%20', 'it'],
    ['?lang=fr', 'it-CH'],
    ['?lang=', 'it-IT'],
    ['?lang=fr', 'de-DE'],
    ['', 'it'],
    ['', 'IT-it'],
    ['?p=scarf', 'en-US'],
    ['?region=knee', ''],
  ];

  it.each(cases)('%s with a %s browser: the language the session shows', (search, browser) => {
    expect(likelyLanguage(search, browser)).toBe(sessionFromUrl(search, '', browser).lang);
  });
});
