import type { ElementChart } from '../model/methodology'

/**
 * The classic STRIDE-per-element chart (Shostack, Threat Modeling: Designing for Security, 2014; see
 * ../shared/research/stride-per-interaction.md §2): external interactors S, R; processes all six;
 * data flows T, I, D; data stores T, I, D, and R only when the store holds logs or audit data.
 * The wording of every threat is ours.
 */
export const STRIDE_PER_ELEMENT: ElementChart = {
  id: 'stride-per-element',
  version: '1',
  name: 'STRIDE per element',
  source: 'Shostack, Threat Modeling: Designing for Security (2014), STRIDE-per-element chart',
  entries: [
    {
      kind: 'externalInteractor',
      category: 'spoofing',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Someone pretends to be {element}',
        description: 'An attacker could act as {element} towards the system. Decide how the system recognises {element} and what it trusts it for.'
      }
    },
    {
      kind: 'externalInteractor',
      category: 'repudiation',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} denies having acted',
        description: '{element} could deny a request or a receipt. Record who did what and when, where it matters.'
      }
    },
    {
      kind: 'process',
      category: 'spoofing',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} can be impersonated',
        description: 'Callers or callees of {element} could be talking to an impostor. Authenticate {element} to its peers.'
      }
    },
    {
      kind: 'process',
      category: 'tampering',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} or its inputs are modified',
        description: 'Its code, configuration or inputs could be altered. Validate inputs and protect what {element} runs from.'
      }
    },
    {
      kind: 'process',
      category: 'repudiation',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Actions through {element} cannot be traced',
        description: 'Without an audit trail, actions taken through {element} can be denied. Log security-relevant events with their actor.'
      }
    },
    {
      kind: 'process',
      category: 'informationDisclosure',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} reveals data it should not',
        description: 'Errors, logs, memory or side channels of {element} could expose data. Send each caller only what it may see.'
      }
    },
    {
      kind: 'process',
      category: 'denialOfService',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} is made unavailable',
        description: 'Load, crashes or exhausted resources could stop {element}. Bound the work one request can cause.'
      }
    },
    {
      kind: 'process',
      category: 'elevationOfPrivilege',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Someone gains more rights through {element}',
        description: 'A caller could make {element} act with rights the caller lacks. Check authorization on every action.'
      }
    },
    {
      kind: 'dataFlow',
      category: 'tampering',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Data on {element} is modified in transit',
        description: 'Data moving over {element} could be altered or replayed. Protect its integrity.'
      }
    },
    {
      kind: 'dataFlow',
      category: 'informationDisclosure',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Data on {element} is read in transit',
        description: 'Data moving over {element} could be observed. Encrypt it where it leaves a trusted network.'
      }
    },
    {
      kind: 'dataFlow',
      category: 'denialOfService',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} is interrupted',
        description: 'The flow could be blocked or flooded. Decide what happens when it stops.'
      }
    },
    {
      kind: 'dataStore',
      category: 'tampering',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Data in {element} is modified',
        description: 'Stored data could be changed by someone who should not. Restrict writes and detect changes.'
      }
    },
    {
      kind: 'dataStore',
      category: 'repudiation',
      onlyWhenHoldingLogs: true,
      text: {
        title: 'Logs in {element} are altered or lost',
        description: '{element} holds logs or audit data: tampering with, flooding or deleting them lets actions be denied. Protect and monitor them.'
      }
    },
    {
      kind: 'dataStore',
      category: 'informationDisclosure',
      onlyWhenHoldingLogs: false,
      text: {
        title: 'Data in {element} is read by the wrong party',
        description: 'Stored data could be read directly, through backups or through weak access control. Restrict and encrypt it.'
      }
    },
    {
      kind: 'dataStore',
      category: 'denialOfService',
      onlyWhenHoldingLogs: false,
      text: {
        title: '{element} becomes unavailable',
        description: 'The store could be filled, locked or made unreachable. Plan capacity, quotas and recovery.'
      }
    }
  ]
}
