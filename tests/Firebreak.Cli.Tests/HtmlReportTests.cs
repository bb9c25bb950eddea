using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Cli.Output.BlastRadius;

namespace Firebreak.Cli.Tests;

/// <summary>The blast-radius HTML report: self-contained, escaped, readable at scale (the browser test is .ci/steps/57).</summary>
public sealed class HtmlReportTests
{
    private static string SampleRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "Analyzers.sln"))) dir = dir.Parent;
            return Path.Combine(dir.FullName, "samples", "incident");
        }
    }

    private static string Html(string root, params string[] extra)
    {
        var stdout = new StringWriter();
        int code = Program.Run(new[] { "scan", ".", "--format", "html", "--fail-on", "none", "-q" }.Concat(extra).ToArray(), stdout, new StringWriter(), root);
        Assert.Equal(0, code);
        return stdout.ToString();
    }

    [Fact]
    public void The_report_is_one_self_contained_file()
    {
        string html = Html(SampleRoot);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(link|img|iframe)\\b|<script[^>]*\\bsrc=|url\\(|@import", html);
        // Every link is to a scanned file, relative to the report.
        foreach (Match link in Regex.Matches(html, "href=\"([^\"]*)\"")) Assert.DoesNotMatch("^[a-z]+:", link.Groups[1].Value);
    }

    [Fact]
    public void The_railway_token_reaches_production_whose_backups_do_not_survive()
    {
        string html = Html(SampleRoot);
        int token = html.IndexOf("data-credential=\"RAILWAY_API_TOKEN\"", StringComparison.Ordinal);
        Assert.True(token > 0);
        int production = html.IndexOf("data-reach=\"production", token, StringComparison.Ordinal);
        Assert.True(production > token);
        int backup = html.IndexOf("class=\"backup\"", production, StringComparison.Ordinal);
        Assert.True(backup > production);
        Assert.Contains("data-survives=\"no\"", html.Substring(backup, 200), StringComparison.Ordinal);
        Assert.Contains("<span class=\"survival dies\">does not survive</span>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Survives?</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_use_the_link_base_from_the_repository_root()
    {
        var stdout = new StringWriter();
        string repositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(SampleRoot))!;
        Program.Run(new[] { "scan", "samples/incident", "--format", "html", "--source-root", ".", "--link-base", "https://github.com/acme/shop/blob/abc/", "--fail-on", "none", "-q" }, stdout, new StringWriter(), repositoryRoot);
        Assert.Contains("href=\"https://github.com/acme/shop/blob/abc/samples/incident/.github/workflows/deploy.yml#L34\"", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kubernetes_database_and_its_backup_jobs_are_rows_of_the_recovery_table()
    {
        using var repo = new TempRepo()
            .Write("k8s/db.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: orders-db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n")
            .Write("k8s/backup.yaml", "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: orders-backup\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: dump\n              image: postgres:16\n              command: [\"sh\", \"-c\", \"pg_dump -h orders-db app > /out/app.sql\"]\n          volumes:\n            - name: out\n              persistentVolumeClaim:\n                claimName: data-orders-db-0\n");
        string html = Html(repo.Root);
        int store = html.IndexOf("StatefulSet orders-db (claim template `data`)", StringComparison.Ordinal);
        Assert.True(store > 0, "no row for the StatefulSet");
        int backup = html.IndexOf("CronJob &#39;orders-backup&#39;", store, StringComparison.Ordinal);
        Assert.True(backup > store, "no backup row for the CronJob");
        Assert.Contains("does not survive", html.Substring(backup, 600), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_repository_are_escaped()
    {
        var view = new BlastRadiusView(
            new[] { new PlatformNode("<b>p</b>", new[] { new CredentialNode("\"><script>x</script>", "k", "s", new[] { new SourceRef("a<b>.sh", 1) }, Array.Empty<ReachNode>(), Array.Empty<FindingRef>()) }) },
            Array.Empty<DataStoreNode>(), new[] { new FindingRef("FB1001", "error", "<img src=x onerror=alert(1)>", new SourceRef("x\".sh", 2)) });
        string html = HtmlReport.Write(view, "s", at => at.Path);
        Assert.DoesNotContain("<script>x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>p", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"x&quot;.sh\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_findings_stay_grouped_and_collapsed()
    {
        using var repo = new TempRepo();
        for (int file = 0; file < 20; file++)
            repo.Write($"scripts/s{file:00}.sh", string.Concat(Enumerable.Range(0, 50).Select(i => $"dropdb production_{i}\n")));
        string html = Html(repo.Root);
        Assert.Equal(1000, Regex.Matches(html, "<li class=\"finding item").Count);
        // One collapsed group per file: the page opens as twenty lines, not a thousand.
        Assert.Equal(20, Regex.Matches(html, "<details class=\"file group\">").Count);
        Assert.Contains("<input id=\"filter\" type=\"search\"", html, StringComparison.Ordinal);
    }
}
