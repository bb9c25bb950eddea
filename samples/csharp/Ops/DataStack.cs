using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Shop.Ops;

public sealed class DataStack : Stack
{
    public DataStack(Construct scope, string id, IVpc vpc) : base(scope, id)
    {
        // Unsafe: a refactor that renames these deletes them with their data.
        new DatabaseInstance(this, "Orders", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.POSTGRES,
            Vpc = vpc,
            RemovalPolicy = RemovalPolicy.DESTROY,
            DeletionProtection = false,
            BackupRetention = Duration.Days(0),
        });
        new Bucket(this, "Uploads", new BucketProps { RemovalPolicy = RemovalPolicy.DESTROY, AutoDeleteObjects = true });
        new Table(this, "Sessions", new TableProps
        {
            PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING },
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        // Safe twins.
        new DatabaseInstance(this, "Billing", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.POSTGRES,
            Vpc = vpc,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
            DeletionProtection = true,
            BackupRetention = Duration.Days(14),
        });
        new Bucket(this, "Archive", new BucketProps { RemovalPolicy = RemovalPolicy.RETAIN, Versioned = true });
    }
}
