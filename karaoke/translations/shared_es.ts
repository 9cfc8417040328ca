<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>PlayerCommand</name>
    <message>
        <source>&amp;Play / pause</source>
        <extracomment>Steps shared by the commands and the code that carries them out. Playback speed range (pitch kept). How far the key may be shifted either way, in semitones (VLC&apos;s pitch filter goes to 12, but voices sound cartoonish well before that).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower (down to 0.5×, pitch kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster (up to 1.5×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics earlier (−50 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics 50 ms earlier (like VLC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics later (+50 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics 50 ms later (like VLC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vocals off (sing along)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocals off (sing along): the instrumental track, or the voice filtered out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key a semitone lower (speed kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key a semitone higher (speed kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Explanation panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show / hide the explanation panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger lyrics (also Ctrl + mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal lyrics size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Present to a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present to a class (audience screen + presenter console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Teaching pauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching pauses: stop at the end of each stanza to explain it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open song…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;media…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;lyrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time lyrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wider spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresentCommand</name>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next line — or, in a teaching pause, continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous stanza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black out the audience screen / bring it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching pauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching pauses on / off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop presenting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop presenting (back to the normal window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger text on this projector (also Ctrl + wheel; remembered per screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text on this projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics 50 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics 50 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocals off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocals off (sing along) / back on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key a semitone lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key a semitone higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key idea beside the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show / hide the key idea beside the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a teaching pause, the next page of QR codes of the sources (if more than two)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher&apos;s notes on the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for the teacher and the time on the audience screen, for some seconds (again: hide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience view fullscreen / in a window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimingCommand</name>
    <message>
        <source>&amp;Tap: next line starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap: the next line starts now (ends the line before); while paused, play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End the current line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current line ends now (otherwise the next start ends it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Word mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word mode on / off: each tap starts the next word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last tap or change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the line above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the line below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-tap from the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-tap from the chosen line (plays from a little before it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start 10 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line starts 10 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start 10 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line starts 10 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start 100 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line starts 100 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start 100 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line starts 100 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End 10 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line ends 10 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End 10 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line ends 10 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End 100 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line ends 100 ms earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End 100 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen line ends 100 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loop the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop the chosen line (again: stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the start of the media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower (down to 0.5×, pitch kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster (up to 1×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as… (.srt, or .lrc to keep word timings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as song &amp;package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a song package (folder with song.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
