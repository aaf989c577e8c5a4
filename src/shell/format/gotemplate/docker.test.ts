import { describe, expect, it } from 'vitest';
import { dockerHeaderFuncs, dockerTemplateFuncs } from './docker-funcs';
import { GO_TYPE, executeTemplate, parseTemplate, type ExecuteOptions } from './index';

const render = (text: string, data: unknown, opts?: ExecuteOptions) =>
  executeTemplate(parseTemplate(text, { funcs: dockerTemplateFuncs }), data, opts);

/** A container as `docker inspect` falls back to it: decoded JSON, keys in the API's order. */
const container = {
  Id: '9f904ee27bf5a1c3',
  Name: '/alpine4',
  State: { Status: 'running', Running: true, Pid: 4242 },
  Config: { Hostname: '9f904ee27bf5', Labels: { 'com.example.tier': 'web', 'com.example.app': 'shop' } },
  HostConfig: { NetworkMode: 'bridge', Links: null },
  NetworkSettings: {
    Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }], '443/tcp': null },
    Networks: {
      bridge: { IPAddress: '172.17.0.3', MacAddress: '02:42:ac:11:00:03', Aliases: null },
      'alpine-net': { IPAddress: '172.18.0.4', MacAddress: '02:42:ac:12:00:04', Aliases: ['a4'] },
    },
  },
};

/** A `docker network ls` row: formatter's networkContext, whose placeholders are methods. */
const networkRow = {
  [GO_TYPE]: '*formatter.networkContext',
  ID: () => '7fca4eb8c647',
  Name: () => 'bridge',
  Driver: () => 'bridge',
  Scope: () => 'local',
  Label: (k: string) => ({ 'com.docker.network.bridge.default_bridge': 'true' })[k] ?? '',
  toJSON: () => ({ Driver: 'bridge', ID: '7fca4eb8c647', Name: 'bridge', Scope: 'local' }),
};

describe('docker --format and inspect -f templates', () => {
  it.each<[string, unknown, string]>([
    ['{{.ID}}\t{{.Name}}', networkRow, '7fca4eb8c647\tbridge'],
    ['{{.ID}}: {{.Driver}}', networkRow, '7fca4eb8c647: bridge'],
    ['{{json .}}', networkRow, '{"Driver":"bridge","ID":"7fca4eb8c647","Name":"bridge","Scope":"local"}'],
    ['{{.Label "com.docker.network.bridge.default_bridge"}}|{{.Label "nope"}}|', networkRow, 'true||'],
    ['{{printf "%-10s|" .Name}}', networkRow, 'bridge    |'],
    ['{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', container, '172.18.0.4172.17.0.3'],
    ['{{range $n, $e := .NetworkSettings.Networks}}{{$n}}={{$e.IPAddress}} {{end}}', container, 'alpine-net=172.18.0.4 bridge=172.17.0.3 '],
    ['{{range .NetworkSettings.Networks}}{{.MacAddress}} {{end}}', container, '02:42:ac:12:00:04 02:42:ac:11:00:03 '],
    ['{{.NetworkSettings.Networks.bridge.IPAddress}}', container, '172.17.0.3'],
    ['{{.NetworkSettings.Networks.mynet.IPAddress}}', container, '<no value>'],
    ['{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}', container, '8080'],
    ['{{json .NetworkSettings.Networks.bridge}}', container, '{"IPAddress":"172.17.0.3","MacAddress":"02:42:ac:11:00:03","Aliases":null}'],
    ['{{json .NetworkSettings.Ports}}', container, '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}],"443/tcp":null}'],
    ['{{range $p, $b := .NetworkSettings.Ports}}{{$p}}->{{$b}} {{end}}', container, '443/tcp-><no value> 80/tcp->[map[HostIp:0.0.0.0 HostPort:8080]] '],
    ['{{join (index .NetworkSettings.Networks "alpine-net").Aliases ","}}', container, 'a4'],
    ['{{if eq .State.Status "running"}}up{{else}}down{{end}}', container, 'up'],
    ['{{.State.Pid}} {{.State.Running}}', container, '4242 true'],
    ['{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}', container, 'com.example.app=shop;com.example.tier=web;'],
    ['{{index .Config.Labels "com.example.tier"}}', container, 'web'],
    ['{{with .HostConfig.Links}}{{.}}{{else}}no links{{end}}', container, 'no links'],
    ['{{len .NetworkSettings.Networks}} networks', container, '2 networks'],
    ['{{.Name | printf "%.4s"}}', container, '/alp'],
    ['{{lower .State.Status | title}}', container, 'Running'],
    ['{{.Config}}', container, 'map[Hostname:9f904ee27bf5 Labels:map[com.example.app:shop com.example.tier:web]]'],
  ])('%s', (text, data, want) => {
    expect(render(text, data)).toBe(want);
  });

  it('fails on a field the raw inspect data lacks, under missingkey=error', () => {
    expect(() => render('{{.NetworkSettings.IPAddress}}', container, { missingKey: 'error' })).toThrow(
      'template: :1:18: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"',
    );
  });

  it('names the context type when a placeholder does not exist', () => {
    expect(() => render('{{.Foo}}', networkRow)).toThrow(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.networkContext',
    );
  });

  it('renders the table header over the header map', () => {
    const header = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER' };
    const t = parseTemplate('{{.ID}}\t{{upper .Name}}\t{{.Driver}}', { funcs: dockerHeaderFuncs });
    expect(executeTemplate(t, header)).toBe('NETWORK ID\tNAME\tDRIVER');
  });
});
