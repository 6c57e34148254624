import { describe, expect, it } from 'vitest';
import {
  type AddressCategory,
  classifyAddress,
  isPublicAddress,
} from '../../../src/postings/address-policy.js';

describe('classifyAddress: IPv4', () => {
  it.each<[string, AddressCategory]>([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'benchmark'],
    ['198.19.255.255', 'benchmark'],
    ['240.0.0.1', 'reserved'],
    ['192.88.99.1', 'reserved'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address).category).toBe(category);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '104.18.12.33',
    '172.15.255.255', // just below 172.16/12
    '172.32.0.0', // just above
    '100.63.255.255', // just below CGNAT
    '100.128.0.0', // just above
    '169.253.255.255',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '11.0.0.1',
    '126.255.255.255',
    '128.0.0.1',
  ])('%s is public', (address) => {
    expect(classifyAddress(address).category).toBe('public');
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('classifyAddress: IPv6', () => {
  it.each<[string, AddressCategory]>([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'reserved'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'reserved'], // Teredo
    ['2001:2::1', 'benchmark'],
    ['64:ff9b:1::a00:1', 'private'],
    ['100::1', 'reserved'], // discard-only
    ['::2', 'reserved'],
    ['1::1', 'reserved'], // outside 2000::/3
    ['4000::1', 'reserved'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address).category).toBe(category);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each<[string, AddressCategory, string]>([
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.1'],
    ['::ffff:7f00:1', 'loopback', '127.0.0.1'],
    ['::FFFF:7F00:0001', 'loopback', '127.0.0.1'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local', '169.254.169.254'],
    ['::ffff:10.1.2.3', 'private', '10.1.2.3'],
    ['::ffff:0:127.0.0.1', 'loopback', '127.0.0.1'],
    ['::127.0.0.1', 'loopback', '127.0.0.1'],
    ['::8.8.8.8', 'reserved', '8.8.8.8'], // deprecated IPv4-compatible: refused even when public
    ['64:ff9b::10.0.0.1', 'private', '10.0.0.1'],
    ['64:ff9b::7f00:1', 'loopback', '127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'link-local', '169.254.169.254'],
    ['2002:7f00:1::', 'loopback', '127.0.0.1'],
    ['2002:c0a8:101::1', 'private', '192.168.1.1'],
    ['2002:a9fe:a9fe::1', 'link-local', '169.254.169.254'],
  ])('%s embeds %s and is %s', (address, category, inner) => {
    const classification = classifyAddress(address);
    expect(classification.category).toBe(category);
    expect(classification.embeddedIpv4).toBe(inner);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '2606:4700::6810:c21',
    '2a00:1450:4001:80b::200e',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (address) => {
    expect(classifyAddress(address).category).toBe('public');
  });
});

describe('classifyAddress: anything that is not a plain IP is refused', () => {
  it.each([
    '2130706433', // decimal 127.0.0.1
    '0177.0.0.1', // octal
    '0x7f.0.0.1', // hex
    '127.1', // short form
    '127.0.0.1.', // trailing dot
    'localhost',
    '',
    '[::1]',
    '::ffff:127.0.0.1:80',
    '256.0.0.1',
  ])('%j is invalid', (address) => {
    expect(classifyAddress(address).category).toBe('invalid');
    expect(isPublicAddress(address)).toBe(false);
  });

  it('describes each category in words usable in a refusal message', () => {
    expect(classifyAddress('10.0.0.5').description).toBe('a private address');
    expect(classifyAddress('::1').description).toBe('a loopback address');
  });
});
