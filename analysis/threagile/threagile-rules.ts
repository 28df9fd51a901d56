import { accidentalSecretLeak, codeBackdooring, missingBuildInfrastructure, pushInsteadOfPullDeployment, uncheckedDeployment } from './rules-build-pipeline'
import { missingAuthentication, missingAuthenticationSecondFactor, missingIdentityPropagation, missingIdentityProviderIsolation, missingIdentityStore } from './rules-authentication'
import { containerBaseimageBackdooring, containerPlatformEscape } from './rules-containers'
import { unencryptedAsset, unencryptedCommunication } from './rules-encryption'
import { missingHardening, missingVault, mixedTargetsOnSharedRuntime, serviceRegistryPoisoning } from './rules-hardening'
import { ldapInjection, pathTraversalRule, searchQueryInjection, sqlNosqlInjection } from './rules-injection'
import { incompleteModel, unnecessaryCommunicationLink, unnecessaryDataAsset, unnecessaryDataTransfer, unnecessaryTechnicalAsset, wrongCommunicationLinkContent } from './rules-model-hygiene'
import { dosRiskyAccessAcrossTrustBoundary, missingNetworkSegmentation, missingVaultIsolation, unguardedAccessFromInternet, unguardedDirectDatastoreAccess, wrongTrustBoundaryContent } from './rules-network'
import { crossSiteRequestForgery, crossSiteScripting, missingFileValidation, missingWaf, serverSideRequestForgery, untrustedDeserialization, xmlExternalEntity } from './rules-web'
import { missingCloudHardening } from './rule-missing-cloud-hardening'
import type { ThreagileRule } from './threagile-rule'

/** The 42 built-in rules of Threagile v1, in the order of threagile-rules.md §1 (alphabetical by id). */
export const THREAGILE_RULES: readonly ThreagileRule[] = [
  accidentalSecretLeak,
  codeBackdooring,
  containerBaseimageBackdooring,
  containerPlatformEscape,
  crossSiteRequestForgery,
  crossSiteScripting,
  dosRiskyAccessAcrossTrustBoundary,
  incompleteModel,
  ldapInjection,
  missingAuthentication,
  missingAuthenticationSecondFactor,
  missingBuildInfrastructure,
  missingCloudHardening,
  missingFileValidation,
  missingHardening,
  missingIdentityPropagation,
  missingIdentityProviderIsolation,
  missingIdentityStore,
  missingNetworkSegmentation,
  missingVault,
  missingVaultIsolation,
  missingWaf,
  mixedTargetsOnSharedRuntime,
  pathTraversalRule,
  pushInsteadOfPullDeployment,
  searchQueryInjection,
  serverSideRequestForgery,
  serviceRegistryPoisoning,
  sqlNosqlInjection,
  uncheckedDeployment,
  unencryptedAsset,
  unencryptedCommunication,
  unguardedAccessFromInternet,
  unguardedDirectDatastoreAccess,
  unnecessaryCommunicationLink,
  unnecessaryDataAsset,
  unnecessaryDataTransfer,
  unnecessaryTechnicalAsset,
  untrustedDeserialization,
  wrongCommunicationLinkContent,
  wrongTrustBoundaryContent,
  xmlExternalEntity
]
