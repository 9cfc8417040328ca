<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a song with File ▸ Open (Ctrl+O).</source>
        <extracomment>A command&apos;s work on the session, for commands that need a song.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching pauses on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching pauses off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lyrics go on without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics offset: {0:+d} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed: {0:g}×</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Cannot open this song</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Open song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs (song.toml {0} {1});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A karaoke player for science songs: the video, the lyrics word by word, and the science behind each verse with its sources.&lt;/p&gt;&lt;p&gt;Video and audio by libvlc; window by Qt.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Each menu&apos;s commands in order; None is a separator.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
