/** The audit's findings as text for people and as SARIF 2.1.0 for code-scanning tools. */
package dev.keyless.audit.report;
