/**
 * Tests of the Kubernetes manifests and images under {@code k8s/}: the overlays rendered by {@code kubectl
 * kustomize} ({@link org.ddpm4j.k8s.RenderedOverlay}), their structure, the Flink configuration and job they carry,
 * the gateway settings they set, and the versions the images are built from.
 */
package org.ddpm4j.k8s;
