<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LinesView</name>
    <message>
        <source>Stanza %1</source>
        <extracomment>Item data (on every column of a stanza&apos;s first row, from the second stanza on): the stanza&apos;s number, 1-based. Such a row is taller by a gap (:func:`stanza_gap`) holding a rule and &quot;Stanza 2&quot; right above the row, as the blank line of the words file. The gap above a stanza&apos;s first row, top to bottom, in px: room after the previous row, the rule, room between the rule and the label, (the label), room between the label and its row. More room above the label than below, so &quot;Stanza 2&quot; reads as the title of the row under it. The label&apos;s type, times the list&apos;s font. WCAG&apos;s contrast for graphics and large text: the rule and the label against the list. The &quot;Now&quot; row&apos;s and the &quot;Next&quot; row&apos;s type, times the window&apos;s font (the list is 1.2×).</extracomment>
        <translation>Estrofa %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Every line with its start and end; the chosen line is selected (Up / Down)</source>
        <translation>Cada línea con su inicio y su final; la línea elegida está seleccionada (Arriba / Abajo)</translation>
    </message>
</context>
<context>
    <name>NextLinePanel</name>
    <message>
        <source>♪ Now %1 · %2</source>
        <translation>♪ Ahora %1 · %2</translation>
    </message>
    <message>
        <source>Last line: &lt;b&gt;tap&lt;/b&gt; when it ends, or &lt;b&gt;%1&lt;/b&gt; to save.</source>
        <translation>Última línea: &lt;b&gt;marca&lt;/b&gt; cuando termine, o pulsa &lt;b&gt;%1&lt;/b&gt; para guardar.</translation>
    </message>
    <message>
        <source>All lines are timed. &lt;b&gt;%1&lt;/b&gt; saves; choose a line and press &lt;b&gt;R&lt;/b&gt; to re-tap from it.</source>
        <translation>Todas las líneas tienen tiempo. &lt;b&gt;%1&lt;/b&gt; guarda; elige una línea y pulsa &lt;b&gt;R&lt;/b&gt; para volver a marcar desde ella.</translation>
    </message>
    <message>
        <source>Next word</source>
        <translation>Palabra siguiente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Tapping speed (pitch kept; [ ] and =); times stay media times</source>
        <translation>Velocidad para marcar (sin cambiar el tono; [ ] y =); los tiempos siguen siendo los del vídeo o audio</translation>
    </message>
    <message>
        <source>Tapping speed</source>
        <translation>Velocidad para marcar</translation>
    </message>
    <message>
        <source>Word mode (W)</source>
        <translation>Modo palabra (W)</translation>
    </message>
    <message>
        <source>Each tap starts the next word</source>
        <translation>Cada marca inicia la palabra siguiente</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Guardar (%1)</translation>
    </message>
    <message>
        <source>A folder with song.toml, ready for explanations (%1)</source>
        <translation>Una carpeta con song.toml, lista para las explicaciones (%1)</translation>
    </message>
    <message>
        <source>Play / pause (%1)</source>
        <translation>Reproducir / pausa (%1)</translation>
    </message>
    <message>
        <source>Save as song package…</source>
        <translation>Guardar como paquete de canción…</translation>
    </message>
    <message>
        <source>Media time</source>
        <translation>Tiempo del vídeo o audio</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <source>&amp;Nudge the chosen line</source>
        <extracomment>A menu entry: a command, None for a separator, or (title, entries) for a submenu.</extracomment>
        <translation>&amp;Ajustar la línea elegida</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The menu bar; titles are English sources, translated in context ``SyncWindow``.</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Timing</source>
        <translation>&amp;Tiempos</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>%1 plays; then tap %2 as each line starts · %3: every key</source>
        <extracomment>What the card over the video says until the first play (and when there is no picture).</extracomment>
        <translation>%1 reproduce; luego pulsa %2 cuando empiece cada línea · %3: todas las teclas</translation>
    </message>
    <message>
        <source>%1 taps as each line starts, %2 plays and pauses; %3 lists every key</source>
        <translation>%1 marca el inicio de cada línea, %2 reproduce y pausa; %3 muestra todas las teclas</translation>
    </message>
    <message>
        <source>Time lyrics — %1</source>
        <translation>Sincronizar la letra — %1</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Solo audio</translation>
    </message>
    <message>
        <source>The media cannot play</source>
        <translation>El vídeo o audio no se puede reproducir</translation>
    </message>
    <message>
        <source>Timing editor</source>
        <extracomment>Editors opened from the main window, kept alive until they close (they have no parent).</extracomment>
        <translation>Sincronizar la letra</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Timing editor keys</source>
        <translation>Teclas para sincronizar la letra</translation>
    </message>
    <message>
        <source>Lines timed: %1 of %2</source>
        <translation>Líneas con tiempo: %1 de %2</translation>
    </message>
    <message>
        <source>play / pause</source>
        <extracomment>The short reminder under the editor: (keys, what they do). Keys are ``QKeySequence`` strings shown as the menus show them; an arrow or ⌫ is shown as it is.</extracomment>
        <translation>reproducir / pausa</translation>
    </message>
    <message>
        <source>tap</source>
        <translation>marcar</translation>
    </message>
    <message>
        <source>end line</source>
        <translation>terminar línea</translation>
    </message>
    <message>
        <source>words</source>
        <translation>palabras</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>deshacer</translation>
    </message>
    <message>
        <source>choose</source>
        <translation>elegir</translation>
    </message>
    <message>
        <source>re-tap</source>
        <translation>volver a marcar</translation>
    </message>
    <message>
        <source>start ∓10 ms</source>
        <translation>inicio ∓10 ms</translation>
    </message>
    <message>
        <source>end ∓10 ms</source>
        <translation>final ∓10 ms</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>bucle</translation>
    </message>
    <message>
        <source>save</source>
        <translation>guardar</translation>
    </message>
    <message>
        <source>all keys</source>
        <translation>todas las teclas</translation>
    </message>
    <message>
        <source>On the waveform: click to play from there, %1+click to start the chosen line there, %2+click to end it there, wheel to zoom. Double-click a line to play from it.</source>
        <translation>En la forma de onda: haz clic para reproducir desde ahí, %1+clic para que la línea elegida empiece ahí, %2+clic para que termine ahí, y usa la rueda para acercar o alejar. Haz doble clic en una línea para reproducir desde ella.</translation>
    </message>
</context>
<context>
    <name>TimingDialogs</name>
    <message>
        <source>&lt;b&gt;Unsaved timing of %1 was found&lt;/b&gt; (last change %2, lines timed: %3 of %4).</source>
        <translation>&lt;b&gt;Se encontraron tiempos sin guardar de %1&lt;/b&gt; (último cambio: %2; líneas con tiempo: %3 de %4).</translation>
    </message>
    <message>
        <source>Resume timing?</source>
        <translation>¿Continuar con los tiempos?</translation>
    </message>
    <message>
        <source>Resume where you left off, or start over from the lyrics file?</source>
        <translation>¿Quieres seguir donde lo dejaste o empezar de nuevo desde el archivo de letra?</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Save the timing of %1 before closing?&lt;/b&gt;</source>
        <translation>&lt;b&gt;¿Guardar los tiempos de %1 antes de cerrar?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Save the timing?</source>
        <translation>¿Guardar los tiempos?</translation>
    </message>
    <message>
        <source>If you close without saving, your taps stay in the autosave journal and the editor offers to resume them next time.</source>
        <translation>Si cierras sin guardar, tus marcas quedan en el registro de guardado automático y el editor te ofrecerá recuperarlas la próxima vez.</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>1 line has no time yet and will be left out of the saved file. Save anyway?</source>
        <translation>1 línea aún no tiene tiempo y quedará fuera del archivo guardado. ¿Guardar de todos modos?</translation>
    </message>
    <message>
        <source>%1 lines have no time yet and will be left out of the saved file. Save anyway?</source>
        <translation>%1 líneas aún no tienen tiempo y quedarán fuera del archivo guardado. ¿Guardar de todos modos?</translation>
    </message>
    <message>
        <source>Save with untimed lines?</source>
        <translation>¿Guardar con líneas sin tiempo?</translation>
    </message>
    <message>
        <source>Save timed lyrics as</source>
        <translation>Guardar la letra con tiempos como</translation>
    </message>
    <message>
        <source>SubRip (*.srt);;LRC, keeps word timings (*.lrc)</source>
        <translation>SubRip (*.srt);;LRC, conserva los tiempos por palabra (*.lrc)</translation>
    </message>
    <message>
        <source>Save as song package — the name of its new folder</source>
        <translation>Guardar como paquete de canción: el nombre de su nueva carpeta</translation>
    </message>
    <message>
        <source>Song package folder (*)</source>
        <translation>Carpeta del paquete de canción (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Time lyrics — 1. the video or song</source>
        <translation>Sincronizar la letra — 1/2: el vídeo o la canción</translation>
    </message>
    <message>
        <source>Media (%1)</source>
        <translation>Vídeo o audio (%1)</translation>
    </message>
    <message>
        <source>Time lyrics — 2. the words (plain text: a line per sung line, a blank line between stanzas)</source>
        <translation>Sincronizar la letra — 2/2: la letra (texto plano: una línea por cada línea cantada, una línea en blanco entre estrofas)</translation>
    </message>
    <message>
        <source>Lyrics (%1)</source>
        <translation>Archivos de letra (%1)</translation>
    </message>
    <message>
        <source>Time lyrics</source>
        <translation>Sincronizar la letra</translation>
    </message>
</context>
<context>
    <name>WaveformStrip</name>
    <message>
        <source>Waveform</source>
        <translation>Forma de onda</translation>
    </message>
    <message>
        <source>Click: play from there · %1+click: the chosen line starts there · %2+click: it ends there · wheel: zoom</source>
        <translation>Clic: reproducir desde ahí · %1+clic: la línea elegida empieza ahí · %2+clic: termina ahí · rueda: acercar o alejar</translation>
    </message>
    <message>
        <source>Reading the audio…</source>
        <translation>Leyendo el audio…</translation>
    </message>
</context>
</TS>
