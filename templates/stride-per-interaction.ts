import type { InteractionTable } from '../model/methodology'

/**
 * Shostack's STRIDE-per-interaction table, 12 rows (Threat Modeling: Designing for Security, 2014;
 * transcription and discussion in ../shared/research/stride-per-interaction.md §1). Which letters apply
 * to which element is the book's; every sentence here is ours.
 * Decisions the table leaves open (§3 of the note): row 8's "machine boundary" is read as any trust
 * boundary; an external interactor counts as human only when the model says so, otherwise as code.
 */
export const STRIDE_PER_INTERACTION: InteractionTable = {
  id: 'stride-per-interaction',
  version: '1',
  name: 'STRIDE per interaction',
  source: 'Shostack, Threat Modeling: Designing for Security (2014), STRIDE-per-interaction table',
  rows: [
    {
      id: 'row1',
      sourceKinds: ['process'],
      targetKinds: ['dataStore'],
      requiresBoundaryCrossing: false,
      against: 'source',
      threats: {
        spoofing: {
          title: '{source} writes to an impostor of {target}',
          description: '{source} could be tricked into writing to a store that is not {target}. Authenticate the store.'
        },
        informationDisclosure: {
          title: '{source} stores data where others can read it',
          description: 'Data that {source} writes over {flow} could be readable by principals who should not see it. Check what is written and who can read {target}.'
        }
      }
    },
    {
      id: 'row2',
      sourceKinds: ['process'],
      targetKinds: ['process'],
      requiresBoundaryCrossing: false,
      against: 'source',
      threats: {
        spoofing: {
          title: '{source} sends to an impostor of {target}',
          description: '{source} could send {flow} to something posing as {target}. Authenticate the receiving process.'
        },
        repudiation: {
          title: '{target} denies receiving {flow}',
          description: '{source} cannot prove that {target} received {flow}. Keep a record where delivery matters.'
        },
        informationDisclosure: {
          title: '{source} discloses data over {flow}',
          description: 'More data than {target} needs, or data readable on the way, could leave {source}. Minimise and protect it.'
        },
        denialOfService: {
          title: '{source} stalls when {target} does not answer',
          description: '{source} could block or pile up work while {target} is slow or down. Use timeouts and back-pressure.'
        },
        elevationOfPrivilege: {
          title: '{target} acts with the rights of {source}',
          description: '{target} could impersonate the context of {source} to gain privileges. Limit what the call delegates.'
        }
      }
    },
    {
      id: 'row3',
      sourceKinds: ['process'],
      targetKinds: ['externalCode'],
      requiresBoundaryCrossing: false,
      against: 'source',
      threats: {
        spoofing: {
          title: '{source} sends to an impostor of {target}',
          description: 'Output of {source} could reach a party posing as {target}. Authenticate the external system.'
        },
        repudiation: {
          title: '{target} denies receiving output from {source}',
          description: '{target} could claim it never received {flow}. Log what was sent, when and to whom.'
        },
        informationDisclosure: {
          title: '{source} returns more than {target} should see',
          description: 'Verbose errors, internal identifiers or unencrypted output on {flow} could disclose data. Send only what is needed.'
        },
        denialOfService: {
          title: 'A slow {target} ties up {source}',
          description: 'An unresponsive consumer could exhaust the threads or connections of {source}. Bound waiting time and resources.'
        }
      }
    },
    {
      id: 'row4',
      sourceKinds: ['process'],
      targetKinds: ['externalHuman'],
      requiresBoundaryCrossing: false,
      against: 'source',
      threats: {
        repudiation: {
          title: '{target} denies having seen output from {source}',
          description: 'A person could deny having received a notice, confirmation or consent screen from {source}. Record what was shown and acknowledged.'
        }
      }
    },
    {
      id: 'row5',
      sourceKinds: ['dataStore'],
      targetKinds: ['process'],
      requiresBoundaryCrossing: false,
      against: 'target',
      threats: {
        spoofing: {
          title: '{target} reads from an impostor of {source}',
          description: '{target} could read {flow} from a store posing as {source}. Authenticate the store.'
        },
        tampering: {
          title: 'Tampered data in {source} misleads {target}',
          description: 'Modified records read over {flow} could drive {target} to wrong or dangerous decisions. Treat stored data as input and validate it.'
        },
        denialOfService: {
          title: '{target} fails when {source} is unavailable',
          description: 'If {source} is slow, full or down, {target} could stop working. Plan for degraded operation.'
        },
        elevationOfPrivilege: {
          title: 'Data from {source} changes what {target} executes',
          description: 'Crafted stored data could alter the execution flow of {target}. Never execute or deserialise stored data unchecked.'
        }
      }
    },
    {
      id: 'row6',
      sourceKinds: ['process'],
      targetKinds: ['process'],
      requiresBoundaryCrossing: false,
      against: 'target',
      threats: {
        spoofing: {
          title: '{target} accepts {flow} from an impostor of {source}',
          description: 'Something posing as {source} could send requests to {target}. Authenticate the calling process.'
        },
        repudiation: {
          title: '{source} denies sending {flow}',
          description: '{target} cannot prove what {source} sent. Log requests with their authenticated origin.'
        },
        denialOfService: {
          title: '{source} overwhelms {target}',
          description: 'Floods or expensive requests over {flow} could stop {target}. Limit rates and work per request.'
        },
        elevationOfPrivilege: {
          title: '{source} gains rights in {target}',
          description: 'Input over {flow} could make {target} run code or act beyond what {source} may do. Validate input and authorise every action.'
        }
      }
    },
    {
      id: 'row7',
      sourceKinds: ['externalCode', 'externalHuman'],
      targetKinds: ['process'],
      requiresBoundaryCrossing: false,
      against: 'target',
      threats: {
        spoofing: {
          title: '{target} accepts {flow} from an impostor of {source}',
          description: 'An attacker could pose as {source} towards {target}. Authenticate the external party.'
        },
        denialOfService: {
          title: '{source} overwhelms {target}',
          description: 'Requests over {flow} could exhaust {target}. Limit rates and the work one request can cause.'
        },
        elevationOfPrivilege: {
          title: '{source} gains rights in {target}',
          description: 'Crafted input over {flow} could make {target} execute code or bypass authorization. Validate and authorise.'
        }
      }
    },
    {
      id: 'row8',
      sourceKinds: 'any',
      targetKinds: 'any',
      requiresBoundaryCrossing: true,
      against: 'flow',
      threats: {
        tampering: {
          title: '{flow} is modified where it crosses a trust boundary',
          description: 'Between {source} and {target} the data crosses a trust boundary, where it could be altered or replayed. Protect its integrity.'
        },
        informationDisclosure: {
          title: '{flow} is read where it crosses a trust boundary',
          description: 'Between {source} and {target} the data crosses a trust boundary, where it could be observed. Encrypt it.'
        },
        denialOfService: {
          title: '{flow} is interrupted where it crosses a trust boundary',
          description: 'The flow from {source} to {target} could be blocked or flooded at the boundary. Decide how both ends cope.'
        }
      }
    },
    {
      id: 'row9',
      sourceKinds: ['process'],
      targetKinds: ['dataStore'],
      requiresBoundaryCrossing: false,
      against: 'target',
      threats: {
        tampering: {
          title: '{target} is corrupted through {flow}',
          description: 'Data written by {source} could corrupt {target}. Check integrity and restrict who may write.'
        },
        repudiation: {
          title: 'Writes to {target} cannot be attributed',
          description: 'Nobody could prove who wrote what to {target}. Record writers and changes where it matters.'
        },
        informationDisclosure: {
          title: '{target} exposes what {source} writes',
          description: 'Data written to {target} could be read by the wrong party, directly or from backups. Restrict and encrypt it.'
        },
        denialOfService: {
          title: '{target} is filled or locked by {source}',
          description: 'Writes could exhaust the capacity or locks of {target}. Use quotas and monitor growth.'
        }
      }
    },
    {
      id: 'row10',
      sourceKinds: ['dataStore'],
      targetKinds: ['process'],
      requiresBoundaryCrossing: false,
      against: 'source',
      threats: {
        repudiation: {
          title: 'Reads from {source} leave no trace',
          description: 'Nobody could tell who read which records from {source}. Keep read audit where the data is sensitive.'
        },
        informationDisclosure: {
          title: '{source} gives {target} more than it should',
          description: 'Weak access control on {source} could let {target} read data it is not meant to. Review its permissions.'
        },
        denialOfService: {
          title: '{source} cannot serve {target}',
          description: 'Expensive or excessive reads over {flow} could make {source} unavailable. Bound queries and plan capacity.'
        }
      }
    },
    {
      id: 'row11',
      sourceKinds: ['externalCode', 'externalHuman'],
      targetKinds: ['process'],
      requiresBoundaryCrossing: false,
      against: 'source',
      threats: {
        spoofing: {
          title: 'Someone poses as {source}',
          description: 'An attacker could act as {source} towards {target}, for example with stolen credentials. Decide how {source} proves who it is.'
        },
        repudiation: {
          title: '{source} denies sending {flow}',
          description: '{source} could deny a request it made. Authenticate and log requests that matter.'
        },
        informationDisclosure: {
          title: 'What {source} sends leaks on the way',
          description: 'Credentials, cookies or form data of {source} could leak over {flow}. Protect them in transit and at the client.'
        }
      }
    },
    {
      id: 'row12',
      sourceKinds: ['process'],
      targetKinds: ['externalCode', 'externalHuman'],
      requiresBoundaryCrossing: false,
      against: 'target',
      threats: {
        spoofing: {
          title: '{target} is impersonated, or talks to an impostor of {source}',
          description: 'Output of {source} could go to someone posing as {target}, or {target} could be fooled by a fake {source} (phishing, DNS hijack). Authenticate both ways.'
        }
      }
    }
  ]
}
