/**
 * Credentials (认定证书): issue, verification by number, revocation and the printable certificate.
 * Nothing here is public API; see {@code org.tierflow.core.api.CredentialService}.
 */
package org.tierflow.core.internal.credential;
