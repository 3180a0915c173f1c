package dev.keyless.examples.cipipelines;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.keyless.aws.EcrAccess;
import dev.keyless.aws.S3Access;
import dev.keyless.azure.BlobAccess;
import dev.keyless.core.GitHubActions;
import dev.keyless.core.GitLab;
import dev.keyless.core.PipelineIdentity;
import dev.keyless.core.PipelineIdentityArgs;
import dev.keyless.gcp.GcsAccess;

/**
 * Two pipelines and no stored key. A GitHub repository's {@code production} environment deploys
 * the site: an AWS role writes its S3 bucket, a Workload Identity principal its GCS bucket, a
 * managed identity its Blob container, each trusting exactly that environment's jobs. A GitLab
 * project's main branch pushes images to one ECR repository. The stack exports what each pipeline
 * pastes into its workflow to log in.
 */
public final class App {
    private App() {
    }

    /**
     * Runs the stack under the Pulumi engine.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    static void stack(Context ctx) {
        Config config = ctx.config();

        var repository = GitHubActions.repository(config.require("githubOwner"), config.require("githubRepository"));
        var deploy = new PipelineIdentity("site-deploy", PipelineIdentityArgs.builder()
                .issuer(GitHubActions.issuer())
                .subject(repository.environment(config.require("githubEnvironment")))
                .grant(S3Access.readWrite(config.require("siteBucket")))
                .grant(GcsAccess.readWrite(config.require("assetsBucket")))
                .grant(BlobAccess.readWrite(config.require("blobResourceGroup"), config.require("blobAccount"),
                        config.require("blobContainer")))
                .build());

        var images = new PipelineIdentity("image-push", PipelineIdentityArgs.builder()
                .issuer(GitLab.issuer())
                .subject(GitLab.project(config.require("gitlabProject")).branch(config.require("gitlabBranch")))
                .grant(EcrAccess.push(config.require("registryArn")))
                .build());

        ctx.export("deployLogins", deploy.logins());
        ctx.export("deployWorkflow", deploy.gitHubActionsSnippet());
        ctx.export("pushLogins", images.logins());
        ctx.export("pushJob", images.gitLabCiSnippet());
    }
}
