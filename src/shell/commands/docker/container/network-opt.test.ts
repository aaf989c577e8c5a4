import { describe, expect, it } from 'vitest';
import { parseNetworkOpt, readCsvRecord } from './network-opt';

describe('readCsvRecord (encoding/csv, one record)', () => {
  it('splits on commas and keeps commas inside quoted fields', () => {
    expect(readCsvRecord('name=n,"driver-opt=k=a,b",ip=1.2.3.4')).toEqual(['name=n', 'driver-opt=k=a,b', 'ip=1.2.3.4']);
    expect(readCsvRecord('a,"say ""hi""",')).toEqual(['a', 'say "hi"', '']);
  });
  it("reports bad quoting with Go's line and column", () => {
    expect(() => readCsvRecord('ab"c')).toThrow('parse error on line 1, column 3: bare " in non-quoted-field');
    expect(() => readCsvRecord('x,"ab')).toThrow('parse error on line 1, column 6: extraneous or missing " in quoted-field');
    expect(() => readCsvRecord('"a"b')).toThrow('parse error on line 1, column 3: extraneous or missing " in quoted-field');
  });
});

describe('parseNetworkOpt', () => {
  it('takes a plain value as the network name', () => {
    expect(parseNetworkOpt('container:web').target).toBe('container:web');
  });
  it('reads the long syntax', () => {
    const a = parseNetworkOpt('name=my-net,alias=web,ip=192.0.2.42,mac-address=92:d0:c6:0a:29:33,"driver-opt=x=1,2"');
    expect(a).toMatchObject({ target: 'my-net', aliases: ['web'], ipv4: '192.0.2.42', macAddress: '92:d0:c6:0a:29:33', driverOpts: { x: '1,2' } });
  });
  it('rejects what NetworkOpt.Set rejects', () => {
    expect(() => parseNetworkOpt('name=n,foo=bar')).toThrow('invalid field key foo');
    expect(() => parseNetworkOpt('name=n,ip')).toThrow('invalid field ip');
    expect(() => parseNetworkOpt('alias=a')).toThrow('network name/id is not specified');
    expect(() => parseNetworkOpt('name=n,driver-opt=x')).toThrow('invalid key value pair format in driver options');
  });
});
