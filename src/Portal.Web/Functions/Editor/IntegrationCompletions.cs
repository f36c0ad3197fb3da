using System.Globalization;
using System.Text;
using Portal.Web.Integrations;

namespace Portal.Web.Functions.Editor;

/// <summary>Completion and hover entries for integration tasks (zoho.crm.getRecords …), built from the pack definitions.</summary>
internal static class IntegrationCompletions
{
    public static IEnumerable<DelugeCompletionItem> For(IEnumerable<IntegrationPack> packs)
    {
        foreach (var pack in packs)
        {
            foreach (var task in pack.Tasks)
            {
                var name = $"{pack.Namespace}.{task.Name}";
                var connection = pack.ConnectionArgument ? ", connection?" : "";
                var doc = new StringBuilder(task.Doc).Append("\n\n");
                foreach (var parameter in task.Parameters)
                {
                    doc.Append(CultureInfo.InvariantCulture, $"- `{parameter.Name}` {parameter.Type}{(parameter.Optional ? " (optional" + (parameter.Default is null ? ")" : $", default {parameter.Default.ToJsonString()})") : "")}: {parameter.Doc}\n");
                }

                doc.Append(CultureInfo.InvariantCulture, $"\n**Integration task** of {pack.DisplayName}: runs with the authorization of the admin who bound `{pack.Namespace}` under Users & Control › Integrations, whoever runs the function.");
                if (pack.ConnectionArgument)
                {
                    doc.Append(" Pass a connection's link name as the last argument to run with your own authorization instead, like invokeUrl.");
                }

                yield return new DelugeCompletionItem("function", name, name + "($0)",
                    $"{pack.Namespace}.{task.Signature.TrimEnd(')')}{connection}) → {task.Returns}", doc.ToString());
            }
        }
    }
}
