/**
 * Audits a {@code pulumi preview --json} document for what keyless exists to remove: static cloud
 * credentials and values built from them, workload trust wider than one ServiceAccount, wildcard
 * and escalating grants, pods on the default ServiceAccount and unprotected stores.
 * {@link dev.keyless.audit.AuditCommand} is the command line; {@link dev.keyless.audit.Auditor} applies every {@link dev.keyless.audit.AuditRule} to a {@link dev.keyless.audit.plan.Plan}.
 */
package dev.keyless.audit;
