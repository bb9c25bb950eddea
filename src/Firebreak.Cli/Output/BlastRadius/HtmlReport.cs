using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace Firebreak.Cli.Output.BlastRadius;

/// <summary>
/// The blast-radius report: one self-contained HTML file (inline style and script, no network, no external asset, a
/// Content-Security-Policy that forbids fetching anything) that works from <c>file://</c>. Per platform and credential:
/// what it reaches, the data stores there, their backups and whether they survive, with the findings on each edge; per
/// data store, the recovery question. Groups are <c>&lt;details&gt;</c> (keyboard and screen readers know them), a
/// filter box narrows everything, and findings beyond the graph are grouped by file, collapsed, so 1,000 stay readable.
/// </summary>
public static class HtmlReport
{
    /// <param name="href">The link for a source location (relative to the report file, or a web URL).</param>
    public static string Write(BlastRadiusView view, string summary, Func<SourceRef, string> href)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"Firebreak\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Firebreak: blast radius</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>Firebreak: blast radius</h1>\n<p id=\"summary\">").Append(E(summary)).Append("</p>\n")
            .Append("<div class=\"filter\"><label for=\"filter\">Filter</label> <input id=\"filter\" type=\"search\" autocomplete=\"off\" aria-controls=\"report\" aria-describedby=\"filter-status\" placeholder=\"credential, environment, data store, file, rule\"> <span id=\"filter-status\" role=\"status\" aria-live=\"polite\"></span></div>\n</header>\n<main id=\"report\">\n");

        html.Append("<section aria-labelledby=\"h-credentials\">\n<h2 id=\"h-credentials\">What each credential can destroy</h2>\n");
        if (view.Platforms.Count == 0) html.Append("<p>No credential in the scan reaches a platform with data on it.</p>\n");
        foreach (var platform in view.Platforms)
        {
            html.Append("<details class=\"platform group\" open data-platform=\"").Append(A(platform.Name)).Append("\">\n<summary><span class=\"h\">").Append(E(platform.Name))
                .Append("</span> <span class=\"count\">").Append(Count(platform.Credentials.Count, "credential")).Append("</span></summary>\n");
            foreach (var credential in platform.Credentials)
            {
                html.Append("<details class=\"credential group\" open data-credential=\"").Append(A(credential.Name)).Append("\">\n<summary><code>").Append(E(credential.Name)).Append("</code> ")
                    .Append(E(credential.Kind)).Append(": reaches ").Append(E(credential.Scope)).Append("</summary>\n");
                html.Append("<p class=\"held\">Held or handed out at ").Append(string.Join(", ", credential.HeldAt.Select(at => Link(at, href)))).Append("</p>\n");
                html.Append("<ul class=\"reaches\" aria-label=\"What ").Append(A(credential.Name)).Append(" reaches\">\n");
                foreach (var reach in credential.Reaches)
                {
                    html.Append("<li class=\"reach item\" data-reach=\"").Append(A(reach.Name)).Append("\"><span class=\"edge\" aria-hidden=\"true\">&rarr;</span> <strong>").Append(E(reach.Name)).Append("</strong>");
                    if (reach.DataStores.Count > 0)
                    {
                        html.Append("\n<ul class=\"datastores\" aria-label=\"Data stores in ").Append(A(reach.Name)).Append("\">\n");
                        foreach (var store in reach.DataStores) DataStoreItem(html, store, href);
                        html.Append("</ul>");
                    }
                    else
                    {
                        html.Append(" <span class=\"muted\">(no data store found in the repository)</span>");
                    }
                    Findings(html, reach.Findings, href, "Findings on this edge");
                    html.Append("</li>\n");
                }
                html.Append("</ul>\n");
                Findings(html, credential.Findings, href, "Findings on this credential");
                html.Append("</details>\n");
            }
            html.Append("</details>\n");
        }
        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"h-recovery\">\n<h2 id=\"h-recovery\">Is there a copy that survives?</h2>\n");
        if (view.DataStores.Count == 0)
        {
            html.Append("<p>No data store found in the repository.</p>\n");
        }
        else
        {
            // One table per platform, in a group that says its counts: a large repository's hundreds of data stores
            // stay readable, and a group where a backup dies with its data is open from the start.
            int dies = view.DataStores.Count(d => Overall(d) == Survival.DiesWithData);
            int survives = view.DataStores.Count(d => Overall(d) == Survival.Survives);
            html.Append("<p id=\"recovery-summary\">").Append(Count(view.DataStores.Count, "data store")).Append(": ")
                .Append(survives).Append(" with a copy that survives, ").Append(dies).Append(" whose every backup dies with the data, ")
                .Append(view.DataStores.Count - dies - survives).Append(" with no backup described in the repository.</p>\n");
            bool first = true;
            foreach (var group in view.DataStores.GroupBy(d => d.Platform).OrderByDescending(g => g.Count(d => Overall(d) == Survival.DiesWithData)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                int groupDies = group.Count(d => Overall(d) == Survival.DiesWithData);
                bool open = groupDies > 0 || group.Count() <= 10;
                html.Append("<details class=\"recovery group\"").Append(open ? " open" : "").Append(" data-platform=\"").Append(A(group.Key)).Append("\">\n<summary><span class=\"h\">").Append(E(group.Key))
                    .Append("</span> <span class=\"count\">").Append(Count(group.Count(), "data store"));
                if (groupDies > 0) html.Append(", ").Append(groupDies).Append(" whose backups die with it");
                html.Append("</span></summary>\n");
                html.Append("<table").Append(first ? " id=\"recovery\"" : "").Append(" class=\"recovery\">\n<caption>").Append(E(group.Key)).Append(": each data store, its backups, where they live, and whether one survives what deletes the data</caption>\n")
                    .Append("<thead><tr><th scope=\"col\">Data store</th><th scope=\"col\">Backups</th><th scope=\"col\">Where they live</th><th scope=\"col\">Survives?</th></tr></thead>\n<tbody>\n");
                first = false;
                foreach (var store in group)
                {
                    var overall = Overall(store);
                    html.Append("<tr class=\"item\" data-datastore=\"").Append(A(store.Name)).Append("\"><th scope=\"row\">").Append(E(store.Name));
                    if (store.At is not null) html.Append("<br>").Append(Link(store.At, href));
                    html.Append("</th><td>");
                    html.Append(store.Backups.Count == 0 ? "<span class=\"muted\">none described in the repository</span>" : string.Join("<br>", store.Backups.Select(b => E(b.Name) + (b.At is null ? "" : " " + Link(b.At, href)))));
                    html.Append("</td><td>").Append(string.Join("<br>", store.Backups.Select(b => E(b.Where)))).Append("</td><td>").Append(Badge(overall)).Append("</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n</details>\n");
            }
        }
        html.Append("</section>\n");

        if (view.OtherFindings.Count > 0)
        {
            html.Append("<section aria-labelledby=\"h-other\">\n<h2 id=\"h-other\">Other findings</h2>\n");
            foreach (var file in view.OtherFindings.GroupBy(f => f.At.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                html.Append("<details class=\"file group\"><summary><code>").Append(E(file.Key)).Append("</code> <span class=\"count\">").Append(Count(file.Count(), "finding")).Append("</span></summary>\n");
                Findings(html, file.ToList(), href, "Findings in " + file.Key);
                html.Append("</details>\n");
            }
            html.Append("</section>\n");
        }
        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A data store with every backup marked: a store survives when one copy does.</summary>
    private static Survival Overall(DataStoreNode store) =>
        store.Backups.Count == 0 ? Survival.Unknown
        : store.Backups.Any(b => b.Survival == Survival.Survives) ? Survival.Survives
        : store.Backups.All(b => b.Survival == Survival.DiesWithData) ? Survival.DiesWithData
        : Survival.Unknown;

    private static void DataStoreItem(StringBuilder html, DataStoreNode store, Func<SourceRef, string> href)
    {
        html.Append("<li class=\"datastore item\" data-datastore=\"").Append(A(store.Name)).Append("\" data-survives=\"").Append(SurvivalKey(Overall(store))).Append("\"><span class=\"kind\">data store</span> <strong>").Append(E(store.Name)).Append("</strong>");
        if (store.At is not null) html.Append(" ").Append(Link(store.At, href));
        if (store.Backups.Count == 0)
        {
            html.Append(" <span class=\"muted\">no backup described in the repository (the platform's default applies)</span> ").Append(Badge(Survival.Unknown));
        }
        else
        {
            html.Append("\n<ul class=\"backups\" aria-label=\"Backups of ").Append(A(store.Name)).Append("\">\n");
            foreach (var backup in store.Backups)
            {
                html.Append("<li class=\"backup\" data-backup=\"").Append(A(backup.Name)).Append("\" data-survives=\"").Append(SurvivalKey(backup.Survival)).Append("\"><span class=\"kind\">backup</span> ")
                    .Append(E(backup.Name)).Append(", ").Append(E(backup.Where)).Append(' ').Append(Badge(backup.Survival)).Append(" <span class=\"why\">").Append(E(backup.Why)).Append("</span>");
                if (backup.At is not null) html.Append(' ').Append(Link(backup.At, href));
                html.Append("</li>\n");
            }
            html.Append("</ul>");
        }
        html.Append("</li>\n");
    }

    private static void Findings(StringBuilder html, IReadOnlyList<FindingRef> findings, Func<SourceRef, string> href, string label)
    {
        if (findings.Count == 0) return;
        html.Append("\n<ul class=\"findings\" aria-label=\"").Append(A(label)).Append("\">\n");
        foreach (var f in findings)
        {
            html.Append("<li class=\"finding item level-").Append(A(f.Level)).Append("\"><span class=\"level\">").Append(E(f.Level)).Append("</span> <span class=\"rule\">").Append(E(f.RuleId)).Append("</span> ")
                .Append(Link(f.At, href)).Append(": ").Append(E(f.Message)).Append("</li>\n");
        }
        html.Append("</ul>");
    }

    private static string Badge(Survival survival) => survival switch
    {
        Survival.Survives => "<span class=\"survival survives\">survives</span>",
        Survival.DiesWithData => "<span class=\"survival dies\">does not survive</span>",
        _ => "<span class=\"survival unknown\">unknown</span>",
    };

    private static string SurvivalKey(Survival survival) => survival switch
    {
        Survival.Survives => "yes",
        Survival.DiesWithData => "no",
        _ => "unknown",
    };

    private static string Link(SourceRef at, Func<SourceRef, string> href) =>
        "<a href=\"" + A(href(at)) + "\"><code>" + E(at.Path) + ":" + at.Line.ToString(CultureInfo.InvariantCulture) + "</code></a>";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string A(string text) => WebUtility.HtmlEncode(text).Replace("'", "&#39;");

    private const string Style = @"
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#57606a;--line:#d0d7de;--bad:#a40e26;--good:#116329;--warn:#7d4e00}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9da7b3;--line:#30363d;--bad:#ff7b72;--good:#56d364;--warn:#e3b341}}
body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:72rem;padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
header{position:sticky;top:0;background:var(--bg);padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}
.filter input{font:inherit;padding:.3rem .5rem;width:min(30rem,70vw)}
details{border-left:3px solid var(--line);margin:.4rem 0;padding-left:.8rem}details>summary{cursor:pointer;padding:.2rem 0}
summary:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.h{font-weight:600;font-size:1.1rem}.count,.muted,.why{color:var(--muted)}.kind{font-size:.8rem;text-transform:uppercase;color:var(--muted)}
ul{margin:.2rem 0;padding-left:1.4rem}li{margin:.2rem 0}
.survival{font-weight:600;padding:0 .35rem;border-radius:.3rem;border:1px solid currentColor;white-space:nowrap}
.dies{color:var(--bad)}.survives{color:var(--good)}.unknown{color:var(--warn)}
.level{font-weight:600}.level-error .level{color:var(--bad)}.level-warning .level{color:var(--warn)}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;color:var(--muted);padding:.3rem 0}
[hidden]{display:none!important}code{font-size:.9em}a{color:inherit}
";

    // Filter: an item shows when its text holds every word typed; a group shows when one of its items does (and opens).
    private const string Script = @"
(function(){
  var input=document.getElementById('filter'),status=document.getElementById('filter-status');
  var items=Array.prototype.slice.call(document.querySelectorAll('.item'));
  var groups=Array.prototype.slice.call(document.querySelectorAll('.group'));
  var opened=groups.map(function(g){return g.open;});
  function apply(){
    var words=input.value.toLowerCase().split(/\s+/).filter(Boolean),shown=0;
    items.forEach(function(item){
      var text=(item.textContent+' '+Array.prototype.map.call(item.attributes,function(a){return a.value;}).join(' ')).toLowerCase();
      var match=words.every(function(w){return text.indexOf(w)>=0;});
      var inMatchingItem=item.parentElement&&item.parentElement.closest('.item');
      item.hidden=!match&&!(inMatchingItem&&!inMatchingItem.hidden&&words.length===0);
      if(match)shown++;
    });
    items.forEach(function(item){if(item.hidden&&item.querySelector('.item:not([hidden])'))item.hidden=false;});
    groups.forEach(function(g,i){
      var any=!!g.querySelector('.item:not([hidden])')||g.querySelectorAll('.item').length===0;
      g.hidden=words.length>0&&!any;
      g.open=words.length>0?any:opened[i];
    });
    status.textContent=words.length?shown+' of '+items.length+' items match':'';
  }
  input.addEventListener('input',apply);
  // A link can carry a filter (report.html#filter=production), so a narrowed view can be shared.
  var m=/^#filter=(.*)$/.exec(location.hash);
  if(m){input.value=decodeURIComponent(m[1]);apply();}
})();
";
}
