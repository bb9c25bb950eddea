using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Amazon.S3;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shop.Ops;

/// <summary>What an agent wrote to "reset staging", and the reviewed version next to it.</summary>
public static class StagingReset
{
    private const string Railway = "https://backboard.railway.app/graphql/v2";

    public static async Task UnsafeAsync(HttpClient http, IAmazonS3 s3, DbContext db, NpgsqlConnection connection, string volumeId)
    {
        await http.PostAsJsonAsync(Railway, new { query = $"mutation {{ volumeDelete(volumeId: \"{volumeId}\") }}" });
        await s3.DeleteBucketAsync("shop-uploads-staging");
        db.Database.ExecuteSqlRaw("TRUNCATE TABLE orders");
        await connection.ExecuteAsync("DELETE FROM sessions");
    }

    public static async Task SafeAsync(HttpClient http, IAmazonS3 s3, DbContext db, NpgsqlConnection connection, string volumeId)
    {
        await http.PostAsJsonAsync(Railway, new { query = $"query {{ volume(id: \"{volumeId}\") {{ name }} }}" });
        await s3.DeleteObjectAsync("shop-exports-staging", "2024/01/orders.csv");
        db.Database.ExecuteSqlRaw("DELETE FROM orders WHERE created_at < now() - interval '90 days'");
        await connection.ExecuteAsync("DELETE FROM sessions WHERE expires_at < now()");
    }
}
