using Microsoft.Extensions.Time.Testing;
using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Support;

/// <summary>A host with a fixed clock, a fake CRM task and a few saved functions, shared by script tests.</summary>
internal static class TestHost
{
    public static readonly DateTimeOffset Now = new(2024, 1, 15, 10, 30, 45, TimeSpan.Zero);

    public static ScriptHost Create(IHttpInvoker? http = null, TimeProvider? timeProvider = null, Portal.Scripting.Mail.IScriptMailer? mailer = null)
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        return new ScriptHost
        {
            LoginUser = "ann@example.com",
            LoginUserId = "42",
            AdminUser = "admin@example.com",
            AdminUserId = "admin@example.com",
            MailSender = "portal@example.com",
            Mail = mailer,
            TimeProvider = timeProvider ?? clock,
            Http = http ?? new RefusingInvoker(),
            Functions = new SavedFunctions(),
            Tasks = new FakeCrmTasks(),
        };
    }

    private sealed class RefusingInvoker : IHttpInvoker
    {
        public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(HttpInvocationResponse.Failed($"no network in this test: {request.Method} {request.Url}"));
    }

    private sealed class SavedFunctions : IFunctionResolver
    {
        private static readonly Dictionary<string, ResolvedFunction> Functions = new(StringComparer.OrdinalIgnoreCase)
        {
            ["add_numbers"] = new(ScriptEngine.Compile("return a + b;"), ["a", "b"]),
            ["greet"] = new(ScriptEngine.Compile("info \"hello from greet\"; return \"Hello, \" + name;"), ["name"]),
            ["recurse_forever"] = new(ScriptEngine.Compile("return standalone.recurse_forever(n + 1);"), ["n"]),
            ["fails"] = new(ScriptEngine.Compile("x = 1 / 0;\nreturn x;"), []),
            ["double_it"] = new(ScriptEngine.Compile("int automation.double_it(int n)\n{\n  return n * 2;\n}"), ["n"]),
        };

        public ValueTask<ResolvedFunction?> ResolveAsync(string apiName, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Functions.GetValueOrDefault(apiName));
    }

    private sealed class FakeCrmTasks : IHostTaskInvoker
    {
        public ValueTask<HostTaskResult> InvokeAsync(string qualifiedName, IReadOnlyList<ScriptValue> arguments, CancellationToken cancellationToken)
        {
            if (qualifiedName.Equals("zoho.crm.getRecords", StringComparison.OrdinalIgnoreCase))
            {
                return ValueTask.FromResult(HostTaskResult.Of(ScriptValue.ParseJson(
                    """[{"id":"1","Last_Name":"Smith","Annual_Revenue":1200},{"id":"2","Last_Name":"Jones","Annual_Revenue":800}]""")));
            }

            if (qualifiedName.Equals("zoho.crm.getRecordById", StringComparison.OrdinalIgnoreCase))
            {
                var id = arguments.Count > 1 ? arguments[1].ToDisplayString() : "?";
                return ValueTask.FromResult(HostTaskResult.Of(ScriptValue.Map([new("id", ScriptValue.Text(id)), new("Email", ScriptValue.Text("lead" + id + "@example.com"))])));
            }

            if (qualifiedName.Equals("zoho.crm.fail", StringComparison.OrdinalIgnoreCase))
            {
                throw new ScriptHostException("CRM said no: record is locked");
            }

            return ValueTask.FromResult(HostTaskResult.Unknown);
        }
    }
}
