import { describe, expect, it } from 'vitest';
import { checkAddress, ipv6Groups } from './addressPolicy';

const refused = (ip: string, allowLoopback = false) => !checkAddress(ip, { allowLoopback }).ok;

describe('checkAddress', () => {
  it('allows public IPv4 and IPv6 addresses', () => {
    for (const ip of [
      '93.184.216.34',
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '2a00:1450:4009:81f::200e',
    ]) {
      expect(checkAddress(ip), ip).toEqual({ ok: true });
    }
  });

  it('refuses loopback, private, link-local, CGNAT, multicast, broadcast and unspecified IPv4', () => {
    for (const ip of [
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '198.18.0.1',
    ]) {
      expect(refused(ip), ip).toBe(true);
    }
  });

  it('refuses loopback, unique-local, link-local, multicast and unspecified IPv6', () => {
    for (const ip of [
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      'ff02::1',
      'fec0::1',
    ]) {
      expect(refused(ip), ip).toBe(true);
    }
  });

  it('refuses IPv4 addresses wrapped in IPv6 (mapped, compatible, NAT64, 6to4, Teredo)', () => {
    for (const ip of [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:c0a8:101',
      '::127.0.0.1',
      '64:ff9b::a00:1',
      '2002:c0a8:101::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    ]) {
      expect(refused(ip), ip).toBe(true);
    }
    expect(checkAddress('::ffff:8.8.8.8')).toEqual({ ok: true });
  });

  it('allows loopback only when asked (the test switch), never private addresses', () => {
    expect(refused('127.0.0.1', true)).toBe(false);
    expect(refused('::1', true)).toBe(false);
    expect(refused('::ffff:127.0.0.1', true)).toBe(false);
    expect(refused('10.0.0.1', true)).toBe(true);
    expect(refused('169.254.169.254', true)).toBe(true);
  });

  it('refuses what is not an IP literal, with a reason', () => {
    const verdict = checkAddress('localhost');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/not an IP address/);
    expect(refused('')).toBe(true);
    expect(refused('0x7f.1')).toBe(true);
  });
});

describe('ipv6Groups', () => {
  it('expands :: and embedded IPv4 tails', () => {
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('1.2.3.4')).toBeNull();
  });
});
