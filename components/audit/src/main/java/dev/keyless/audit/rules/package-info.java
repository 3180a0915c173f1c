/**
 * The audit's rules, one class each, and {@link dev.keyless.audit.rules.AuditRules#all()}, the set
 * the command applies.
 */
package dev.keyless.audit.rules;
