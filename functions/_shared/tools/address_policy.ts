// Where a model-chosen URL may point (SSRF protection): the scheme, the profile's host allowlist,
// and every address the host resolves to, which must be public unicast unless the profile allows
// private networks. The vetted addresses are then the only ones a request connects to
// (outbound.ts), so a DNS answer that changes between this check and the connection is not used.
import ipaddr from "ipaddr.js";
import { type HttpPolicy, ToolCallError } from "./types.ts";

export interface VettedAddress {
  address: string;
  family: 4 | 6;
}

const RANGE_LABELS: Record<string, string> = {
  unspecified: "an unspecified",
  loopback: "a loopback",
  private: "a private",
  linkLocal: "a link-local (where cloud metadata services live)",
  carrierGradeNat: "a carrier-grade NAT",
  uniqueLocal: "a unique-local",
  multicast: "a multicast",
  broadcast: "a broadcast",
  ipv4Mapped: "an IPv4-mapped",
  reserved: "a reserved",
};

/** The URL if its scheme and host are allowed; ToolCallError("refused") saying why not. */
export function checkUrl(raw: string | URL, policy: HttpPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ToolCallError("refused", `"${raw}" is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ToolCallError("refused", `only http and https URLs are allowed, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ToolCallError("refused", "URLs with credentials (user:password@) are not allowed");
  }
  const host = bareHost(url);
  if (!hostAllowed(host, policy.allowHosts)) {
    throw new ToolCallError(
      "refused",
      `${host} is not in this agent's allowed hosts (${policy.allowHosts.join(", ")})`,
    );
  }
  return url;
}

/** The URL's host without IPv6 brackets or a trailing dot, lower-case. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
}

/** Empty = any host; "*.example.com" matches its subdomains at any depth, not example.com itself. */
export function hostAllowed(host: string, allowHosts: readonly string[]): boolean {
  if (allowHosts.length === 0) return true;
  return allowHosts.some((entry) => {
    const pattern = entry.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
    return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}

/**
 * The addresses to connect to for the URL's host: the literal itself, or every address the
 * resolver gives. Refuses when any is not public unicast and the policy does not allow private
 * networks; one bad address refuses the host, since which one a connection would use is not ours
 * to predict.
 */
export async function vetHost(
  url: URL,
  policy: HttpPolicy,
  resolveHost: (host: string) => Promise<string[]>,
): Promise<VettedAddress[]> {
  const host = bareHost(url);
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolveHost(host);
    } catch (err) {
      throw new ToolCallError("failed", `cannot resolve ${host}: ${(err as Error).message}`, { cause: err });
    }
    if (addresses.length === 0) throw new ToolCallError("failed", `cannot resolve ${host}: no addresses`);
  }
  return addresses.map((address) => {
    if (!ipaddr.isValid(address)) {
      throw new ToolCallError("failed", `the resolver gave ${host} an invalid address "${address}"`);
    }
    const parsed = ipaddr.parse(address);
    const range = parsed.range();
    if (range !== "unicast" && !policy.allowPrivateNetwork) {
      const what = host === address ? address : `${host} resolves to ${address}, which`;
      throw new ToolCallError(
        "refused",
        `${what} is ${
          RANGE_LABELS[range] ?? `a non-public (${range})`
        } address, and this agent's tool profile does not allow private network access`,
      );
    }
    return { address: parsed.toString(), family: parsed.kind() === "ipv4" ? 4 : 6 };
  });
}

/** The default resolver: A and AAAA records through Deno's DNS client. */
export async function resolveWithDns(host: string): Promise<string[]> {
  const answers = await Promise.allSettled([Deno.resolveDns(host, "A"), Deno.resolveDns(host, "AAAA")]);
  const addresses = answers.flatMap((answer) => answer.status === "fulfilled" ? answer.value : []);
  if (addresses.length === 0) {
    const failure = answers.find((answer) => answer.status === "rejected");
    throw failure ? failure.reason : new Error("no A or AAAA records");
  }
  return addresses;
}
