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

  it('lets nothing through in encoded form: no query inside the address, no line break in a header', () => {
    expect(cleanMailtoUrl('mailto:a%3Fattach%3D%2Fetc%2Fpasswd@x.test?subject=s')).toBe('mailto:?subject=s');
    expect(cleanMailtoUrl('mailto:a@x.test%26attach=/etc/passwd')).toBe('mailto:');
    expect(cleanMailtoUrl('mailto:a%0D%0Ab@x.test')).toBe('mailto:');
    expect(cleanMailtoUrl('mailto:%E0%A4%A@x.test')).toBe('mailto:');
    expect(
      cleanMailtoUrl(
        'mailto:a@x.test?subject=Hi%0D%0AAttach:%20/etc/passwd&cc=b@x.test%0Abcc:c@x.test&to=%E2%80%A8d' +
          '&body=line%20one%0D%0Aline%20two&subject=%E0%A4%A',
      ),
    ).toBe('mailto:a@x.test?body=line%20one%0D%0Aline%20two');
    // Ordinary addresses and encoded text are kept as written.
    expect(cleanMailtoUrl('mailto:J%C3%BCrgen.M%C3%BCller+news@x.test?subject=%E4%BD%A0%E5%A5%BD')).toBe(
      'mailto:J%C3%BCrgen.M%C3%BCller+news@x.test?subject=%E4%BD%A0%E5%A5%BD',
    );
    expect(cleanMailtoUrl('mailto:a@x.test,b@x.test')).toBe('mailto:a@x.test,b@x.test');
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
