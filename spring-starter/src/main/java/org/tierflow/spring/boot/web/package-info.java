/**
 * TierFlow's optional REST API (Spring MVC), switched on with {@code tierflow.web.enabled=true}: controllers over
 * the public services, request bodies ({@link org.tierflow.spring.boot.web.TierFlowRequests}), and the problem
 * details (RFC 7807) TierFlow's controllers answer with when a call is refused.
 *
 * <p>The caller is the request's user principal, set by the host's security; TierFlow adds no users and no
 * login. Authorization stays TierFlow's: the services decide who may act. The reference is
 * {@code docs/reference/rest-api.md}; the contract is {@code META-INF/tierflow/openapi.yaml}, served at
 * {@code {base-path}/openapi.yaml}.
 */
package org.tierflow.spring.boot.web;
