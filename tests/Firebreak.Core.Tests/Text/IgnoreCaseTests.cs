using System;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Text;

public class IgnoreCaseTests
{
    [Theory]
    [InlineData("# FireBreak:Ignore FB1001 -- x", "firebreak:ignore", true)]
    [InlineData("# fırebreak:ignore", "firebreak:ignore", false)] // ordinal ignore-case does not fold the dotless ı to i
    [InlineData("ſtatic", "static", false)] // nor the long ſ to s
    [InlineData("BACKUP_BUCKET", "backup", true)]
    [InlineData("back up", "backup", false)]
    [InlineData("AWS_ENDPOINT", "aws_endpoint", true)]
    [InlineData("bac", "backup", false)]
    [InlineData("", "x", false)]
    [InlineData("x", "", true)]
    public void Answers_as_a_case_blind_ordinal_search_does(string text, string needle, bool expected)
    {
        Assert.Equal(expected, IgnoreCase.Contains(text, needle));
        Assert.Equal(text.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0, IgnoreCase.Contains(text, needle));
    }

    [Fact]
    public void Agrees_with_a_case_blind_ordinal_search_on_random_text()
    {
        var random = new Random(12);
        const string alphabet = "aAbBkK\u212AsSiIıİſfF_:-éÉ ";
        string[] needles = { "firebreak:ignore", "backup", "_s3_endpoint", "kubectl", "is", "ſi", "é" };
        for (int n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string text = new(chars);
            foreach (string needle in needles)
                Assert.Equal(text.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0, IgnoreCase.Contains(text, needle));
        }
    }
}
