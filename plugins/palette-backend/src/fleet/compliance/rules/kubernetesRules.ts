import { kubernetesMinorOf } from '@palette-backstage/plugin-palette-common';
import { fail, pass, Rule } from './outcome';

const UNKNOWN_VERSION = fail(
  'The Kubernetes version is not known yet',
  'Wait for the cluster to report its version, or check its provisioning',
);

export const kubernetesSupported: Rule = (facts, { kubernetes }) => {
  const minor = facts.kubernetesVersion
    ? kubernetesMinorOf(facts.kubernetesVersion)
    : undefined;
  if (!minor) return UNKNOWN_VERSION;
  const window = kubernetes.supportedMinors;
  if (window.includes(minor))
    return pass(
      `Kubernetes ${minor} is within the supported minors (${window.join(
        ', ',
      )})`,
    );
  return fail(
    `Kubernetes ${minor} is outside the supported minors (${window.join(
      ', ',
    )})`,
    `Upgrade to Kubernetes ${
      window[window.length - 1]
    } or newer through a newer profile version`,
  );
};

export const kubernetesEndOfLife: Rule = (facts, { kubernetes, now }) => {
  const minor = facts.kubernetesVersion
    ? kubernetesMinorOf(facts.kubernetesVersion)
    : undefined;
  if (!minor) return UNKNOWN_VERSION;
  const eol = kubernetes.endOfLife[minor];
  const today = now.toISOString().slice(0, 10);
  if (!eol) return pass(`Kubernetes ${minor} has no announced end of life`);
  if (eol > today)
    return pass(`Kubernetes ${minor} reaches end of life on ${eol}`);
  return fail(
    `Kubernetes ${minor} reached end of life on ${eol} and gets no security fixes`,
    `Upgrade to a supported Kubernetes minor (${
      kubernetes.supportedMinors[0] ?? 'the newest'
    })`,
  );
};
