package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * A self-managed cluster's issuer whose discovery document and key set a component publishes at a
 * public https URL (an S3 bucket, a GCS bucket, an Azure blob container): what a
 * {@link SelfManagedCluster} is given, so that its workloads' trust waits for the documents.
 */
public interface PublishedIssuer extends OidcIssuer {

    /** @return the key set URL, the API server's {@code --service-account-jwks-uri} */
    Output<String> jwksUri();

    /** @return the kube-apiserver arguments that make the cluster's tokens match the published documents */
    Output<List<String>> apiServerArguments();

    /** @return the resource that is ready once both documents are published */
    Resource published();
}
