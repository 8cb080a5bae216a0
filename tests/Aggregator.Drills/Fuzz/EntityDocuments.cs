namespace Aggregator.Drills.Fuzz;

/// <summary>
/// Document type declarations that attack entity expansion: exponential (billion laughs), quadratic
/// blow-up, external entities (a local file and a closed port on 127.0.0.1: the drill never leaves
/// the machine), parameter entities and recursion.
/// </summary>
internal static class EntityDocuments
{
    public static readonly string[] Doctypes =
    [
        """
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        """,
        "<!DOCTYPE rss [<!ENTITY a \"" + new string('a', 50_000) + "\">]>",
        "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/evil.dtd\">]>",
        "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/rss.dtd\">",
        "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>",
        "<!DOCTYPE rss [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]>",
        "<!DOCTYPE rss [<!ENTITY lol9 \"<b>&#60;script&#62;alert(1)&#60;/script&#62;</b>\">]>",
        "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://127.0.0.1:9/rss-0.91.dtd\">",
        "<!DOCTYPE rss [<!ELEMENT rss ANY><!ATTLIST item x CDATA \"default\">]>",
    ];
}
