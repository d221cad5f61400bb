/**
 * Errors as RFC 9457 {@code application/problem+json}: the {@link org.ddpm4j.gateway.problem.Problem} body, the
 * {@link org.ddpm4j.gateway.problem.ProblemException} that carries one, and the mappers that turn every failure
 * (bad JSON, wrong content type, unknown path, internal errors) into one without a stack trace.
 */
package org.ddpm4j.gateway.problem;
