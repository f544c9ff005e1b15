/**
 * Spring Boot auto-configuration for TierFlow: one conditional configuration per feature, every bean
 * backing off when the host declares its own. Properties live under {@code tierflow.*}.
 */
package org.tierflow.spring.boot.autoconfigure;
