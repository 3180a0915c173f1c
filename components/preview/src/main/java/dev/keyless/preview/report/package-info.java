/**
 * Renders what a program registered and logged, from a
 * {@link dev.keyless.preview.engine.RecordedDeployment} alone, so an in-process run and an
 * out-of-process preview print the same: the text report and the JSON document.
 */
package dev.keyless.preview.report;
