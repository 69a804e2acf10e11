/**
 * Vulnerabilities the simulated images carry: real advisories in the Go
 * modules and OS packages Kubernetes images ship. `minAge` is how many
 * minors behind the newest a cluster must be to still run an image with it.
 */
export interface KnownCve {
  id: string;
  pkg: string;
  installed: string;
  fixed: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  title: string;
  /** `gobinary` (a Go module in the binary) or the OS package type. */
  type: 'gobinary' | 'debian';
  minAge: number;
}

export const KNOWN_CVES: KnownCve[] = [
  {
    id: 'CVE-2025-22866',
    pkg: 'stdlib',
    installed: 'v1.23.5',
    fixed: '1.23.6',
    severity: 'MEDIUM',
    title: 'crypto/internal/nistec: timing sidechannel for P-256 on ppc64le',
    type: 'gobinary',
    minAge: 0,
  },
  {
    id: 'CVE-2025-22870',
    pkg: 'golang.org/x/net',
    installed: 'v0.33.0',
    fixed: '0.36.0',
    severity: 'MEDIUM',
    title: 'golang.org/x/net/proxy: HTTP Proxy bypass using IPv6 Zone IDs',
    type: 'gobinary',
    minAge: 0,
  },
  {
    id: 'CVE-2025-22872',
    pkg: 'golang.org/x/net',
    installed: 'v0.37.0',
    fixed: '0.38.0',
    severity: 'MEDIUM',
    title:
      'golang.org/x/net/html: incorrect neutralization of input during web page generation',
    type: 'gobinary',
    minAge: 0,
  },
  {
    id: 'CVE-2024-51744',
    pkg: 'github.com/golang-jwt/jwt/v4',
    installed: 'v4.5.0',
    fixed: '4.5.1',
    severity: 'LOW',
    title: 'golang-jwt: bad documentation of error handling in ParseWithClaims',
    type: 'gobinary',
    minAge: 0,
  },
  {
    id: 'CVE-2025-0395',
    pkg: 'libc6',
    installed: '2.36-9+deb12u9',
    fixed: '2.36-9+deb12u10',
    severity: 'MEDIUM',
    title: 'glibc: buffer overflow in the assert() function',
    type: 'debian',
    minAge: 0,
  },
  {
    id: 'CVE-2024-45341',
    pkg: 'stdlib',
    installed: 'v1.22.8',
    fixed: '1.22.11',
    severity: 'MEDIUM',
    title:
      'crypto/x509: usage of IPv6 zone IDs can bypass URI name constraints',
    type: 'gobinary',
    minAge: 1,
  },
  {
    id: 'CVE-2025-22869',
    pkg: 'golang.org/x/crypto',
    installed: 'v0.31.0',
    fixed: '0.35.0',
    severity: 'HIGH',
    title: 'golang.org/x/crypto/ssh: denial of service in the key exchange',
    type: 'gobinary',
    minAge: 1,
  },
  {
    id: 'CVE-2025-30204',
    pkg: 'github.com/golang-jwt/jwt/v5',
    installed: 'v5.2.1',
    fixed: '5.2.2',
    severity: 'HIGH',
    title: 'golang-jwt: excessive memory allocation during header parsing',
    type: 'gobinary',
    minAge: 1,
  },
  {
    id: 'CVE-2024-45338',
    pkg: 'golang.org/x/net',
    installed: 'v0.30.0',
    fixed: '0.33.0',
    severity: 'MEDIUM',
    title:
      'golang.org/x/net/html: non-linear parsing of case-insensitive content',
    type: 'gobinary',
    minAge: 1,
  },
  {
    id: 'CVE-2024-12797',
    pkg: 'libssl3',
    installed: '3.0.15-1~deb12u1',
    fixed: '3.0.16-1~deb12u1',
    severity: 'HIGH',
    title:
      'openssl: RFC7250 handshakes with unauthenticated servers do not abort as expected',
    type: 'debian',
    minAge: 2,
  },
  {
    id: 'CVE-2024-34156',
    pkg: 'stdlib',
    installed: 'v1.22.5',
    fixed: '1.22.7',
    severity: 'HIGH',
    title:
      'encoding/gob: calling Decoder.Decode on a message which contains deeply nested structures can cause a panic',
    type: 'gobinary',
    minAge: 2,
  },
  {
    id: 'CVE-2024-34158',
    pkg: 'stdlib',
    installed: 'v1.22.5',
    fixed: '1.22.7',
    severity: 'HIGH',
    title: 'go/build/constraint: stack exhaustion in Parse',
    type: 'gobinary',
    minAge: 2,
  },
  {
    id: 'CVE-2024-45337',
    pkg: 'golang.org/x/crypto',
    installed: 'v0.26.0',
    fixed: '0.31.0',
    severity: 'CRITICAL',
    title:
      'golang.org/x/crypto/ssh: misuse of ServerConfig.PublicKeyCallback may cause authorization bypass',
    type: 'gobinary',
    minAge: 3,
  },
  {
    id: 'CVE-2024-24790',
    pkg: 'stdlib',
    installed: 'v1.21.9',
    fixed: '1.21.11',
    severity: 'CRITICAL',
    title:
      'net/netip: unexpected behavior from Is methods for IPv4-mapped IPv6 addresses',
    type: 'gobinary',
    minAge: 3,
  },
  {
    id: 'CVE-2023-45288',
    pkg: 'golang.org/x/net',
    installed: 'v0.19.0',
    fixed: '0.23.0',
    severity: 'HIGH',
    title:
      'golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS',
    type: 'gobinary',
    minAge: 3,
  },
  {
    id: 'CVE-2024-24786',
    pkg: 'google.golang.org/protobuf',
    installed: 'v1.31.0',
    fixed: '1.33.0',
    severity: 'MEDIUM',
    title:
      'golang-protobuf: encoding/protojson, internal/encoding/json: infinite loop in protojson.Unmarshal',
    type: 'gobinary',
    minAge: 3,
  },
  {
    id: 'CVE-2023-47108',
    pkg: 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc',
    installed: 'v0.42.0',
    fixed: '0.46.0',
    severity: 'HIGH',
    title:
      'opentelemetry-go-contrib: DoS vulnerability in otelgrpc due to unbound cardinality metrics',
    type: 'gobinary',
    minAge: 4,
  },
  {
    id: 'CVE-2023-44487',
    pkg: 'golang.org/x/net',
    installed: 'v0.13.0',
    fixed: '0.17.0',
    severity: 'HIGH',
    title:
      'HTTP/2: multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)',
    type: 'gobinary',
    minAge: 5,
  },
  {
    id: 'CVE-2023-24538',
    pkg: 'stdlib',
    installed: 'v1.19.6',
    fixed: '1.19.8',
    severity: 'CRITICAL',
    title: 'golang: html/template: backticks not treated as string delimiters',
    type: 'gobinary',
    minAge: 6,
  },
];
