import { describe, expect, it } from 'vitest';
import { cleanMailtoUrl } from './mailtoUrl';
import { externalUrlToOpen, isExternalUrlAllowed } from './validateRequest';

describe('cleanMailtoUrl', () => {
  it('keeps the address and to/cc/bcc/subject/body, in any case, and drops every other field', () => {
    expect(cleanMailtoUrl('mailto:a@x.test')).toBe('mailto:a@x.test');
    expect(
      cleanMailtoUrl(
        'mailto:a@x.test?Subject=Hi%20there&attach=/etc/passwd&attachment=%2Fetc%2Fshadow&%61ttach=/x' +
          '&BODY=text&cc=b@x.test&bcc=c@x.test&to=d@x.test&X-Mailer=evil&in-reply-to=1&%E0%A4%A=bad',
      ),
    ).toBe('mailto:a@x.test?Subject=Hi%20there&BODY=text&cc=b@x.test&bcc=c@x.test&to=d@x.test');
    expect(cleanMailtoUrl('MailTo:a@x.test?attach=/etc/passwd#frag')).toBe('mailto:a@x.test');
    expect(cleanMailtoUrl('https://x.test/?attach=1')).toBeNull();
  });

  it('is what the main process and the bridge hand to the system', () => {
    expect(externalUrlToOpen('mailto:a@x.test?attach=/etc/passwd&subject=s')).toBe(
      'mailto:a@x.test?subject=s',
    );
    expect(externalUrlToOpen('https://x.test/a?attach=1')).toBe('https://x.test/a?attach=1');
    expect(externalUrlToOpen('file:///etc/passwd')).toBeNull();
    expect(isExternalUrlAllowed('mailto:a@x.test?attach=/etc/passwd')).toBe(true);
  });
});
