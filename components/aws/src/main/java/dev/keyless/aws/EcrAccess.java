package dev.keyless.aws;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.core.Output;
import dev.keyless.core.GrantKeys;
import dev.keyless.core.InvalidInputException;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pulling images from, or pushing them to, one ECR repository, named by its ARN: the layer and
 * image actions on the repository, and {@code ecr:GetAuthorizationToken}, the registry login,
 * which IAM authorizes only on {@code *}, in a statement of its own (the role's wildcard check
 * admits exactly that action on {@code *}; see {@link AnyResourceActions}).
 *
 * <pre>{@code
 * EcrAccess.pull("arn:aws:ecr:eu-west-1:111122223333:repository/shop/api")
 * EcrAccess.push(apiImages)
 * EcrAccess.pull("api-images", repositoryArnFromAnotherStack)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html">ECR: IAM permissions for pushing an image</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html">ECR actions and resources</a>
 */
public final class EcrAccess implements AwsGrant {
    /** A repository name: 2 to 256 characters, lower-case components separated by {@code . _ -} or '/'. */
    static final ArnForm REPOSITORY_ARN = new ArnForm("ecr", true,
            Pattern.compile("repository/(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"),
            "an ECR repository ARN, arn:aws:ecr:REGION:ACCOUNT:repository/NAME (2 to 256 characters, "
                    + "lower-case letters and digits separated by '.', '_', '-' or '/')",
            "repository");
    static final String LONGEST_REPOSITORY_ARN = REPOSITORY_ARN.longest("repository/" + "r".repeat(256));
    static final List<String> PULL_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability");
    static final List<String> PUSH_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
            "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload");

    private final GrantedArn repository;
    private final boolean push;

    private EcrAccess(GrantedArn repository, boolean push) {
        this.repository = repository;
        this.push = push;
    }

    /**
     * @param repositoryArn the repository's ARN, {@code arn:aws:ecr:REGION:ACCOUNT:repository/NAME}
     * @return pulling the repository's images
     * @throws InvalidInputException when the ARN is not a repository ARN, or has a wildcard
     */
    public static EcrAccess pull(String repositoryArn) {
        return new EcrAccess(GrantedArn.plain(REPOSITORY_ARN, "repository", repositoryArn), false);
    }

    /**
     * @param key           a stable name for the repository in reports; see {@link GrantKeys#RULE}
     * @param repositoryArn the repository's ARN, e.g. another stack's output; checked once known
     * @return pulling the repository's images
     */
    public static EcrAccess pull(String key, Output<String> repositoryArn) {
        return new EcrAccess(GrantedArn.output(REPOSITORY_ARN, "repository", key, repositoryArn), false);
    }

    /**
     * @param repository a repository this stack manages
     * @return pulling the repository's images
     */
    public static EcrAccess pull(Repository repository) {
        return new EcrAccess(resource(repository), false);
    }

    /**
     * @param repositoryArn the repository's ARN, {@code arn:aws:ecr:REGION:ACCOUNT:repository/NAME}
     * @return pulling and pushing the repository's images
     * @throws InvalidInputException when the ARN is not a repository ARN, or has a wildcard
     */
    public static EcrAccess push(String repositoryArn) {
        return new EcrAccess(GrantedArn.plain(REPOSITORY_ARN, "repository", repositoryArn), true);
    }

    /**
     * @param key           a stable name for the repository in reports; see {@link GrantKeys#RULE}
     * @param repositoryArn the repository's ARN, e.g. another stack's output; checked once known
     * @return pulling and pushing the repository's images
     */
    public static EcrAccess push(String key, Output<String> repositoryArn) {
        return new EcrAccess(GrantedArn.output(REPOSITORY_ARN, "repository", key, repositoryArn), true);
    }

    /**
     * @param repository a repository this stack manages
     * @return pulling and pushing the repository's images
     */
    public static EcrAccess push(Repository repository) {
        return new EcrAccess(resource(repository), true);
    }

    @Override
    public Output<List<IamStatement>> statements() {
        return repository.arn().applyValue(this::statementsFor);
    }

    @Override
    public Optional<List<IamStatement>> longestStatements() {
        return Optional.of(statementsFor(repository.knownOr(LONGEST_REPOSITORY_ARN)));
    }

    @Override
    public Optional<List<IamStatement>> knownStatements() {
        return repository.known().map(this::statementsFor);
    }

    @Override
    public String describe() {
        return "ECR " + (push ? "push" : "pull") + " on " + repository.label();
    }

    /** @return whether the grant allows pushing images */
    public boolean pushes() {
        return push;
    }

    private List<IamStatement> statementsFor(String arn) {
        return List.of(
                IamStatement.builder().effect(IamEffect.ALLOW).actionIds(push ? PUSH_ACTIONS : PULL_ACTIONS).addResource(arn).build(),
                // The registry login names no repository: IAM authorizes it only on "*".
                IamStatement.builder().effect(IamEffect.ALLOW).addAction(AnyResourceActions.ECR_GET_AUTHORIZATION_TOKEN).addResource("*").build());
    }

    private static GrantedArn resource(Repository repository) {
        return GrantedArn.resource("repository", repository, repository == null ? null : repository.arn(),
                "an ecr.Repository or a repository ARN");
    }
}
