<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Cerrar este aviso</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>Sources</source>
        <extracomment>The words around the explanations, in English. They follow the explanations&apos; language, not the interface&apos;s: :meth:`ExplanationPanel._content_text` translates them with ``translate_to``.</extracomment>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>The science behind the stanza being sung, with its sources</source>
        <translation>La ciencia detrás de la estrofa que se está cantando, con sus fuentes</translation>
    </message>
    <message>
        <source>Stanza</source>
        <translation>Estrofa</translation>
    </message>
    <message>
        <source>This stanza has no explanation.</source>
        <translation>Esta estrofa no tiene explicación.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <source>Pin this stanza</source>
        <translation>Fijar esta estrofa</translation>
    </message>
    <message>
        <source>Keep showing this stanza while the song plays on</source>
        <translation>Mantener esta estrofa a la vista mientras sigue la canción</translation>
    </message>
    <message>
        <source>Explanation of the stanza</source>
        <translation>Explicación de la estrofa</translation>
    </message>
    <message>
        <source>The explanation and its glossary</source>
        <translation>La explicación y su glosario</translation>
    </message>
    <message>
        <source>Hide QR</source>
        <extracomment>The QR code was just shown: the panel scrolls so that it is in view.</extracomment>
        <translation>Ocultar QR</translation>
    </message>
    <message>
        <source>Show QR</source>
        <translation>Mostrar QR</translation>
    </message>
    <message>
        <source>QR code of source %1: %2</source>
        <translation>Código QR de la fuente %1: %2</translation>
    </message>
    <message>
        <source>Shows or hides, under the source, a QR code of its address for phones to scan</source>
        <translation>Muestra u oculta, debajo de la fuente, un código QR de su dirección para escanearlo con el teléfono</translation>
    </message>
    <message>
        <source>Opens %1 in the web browser</source>
        <translation>Abre %1 en el navegador</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>Código QR de %1</translation>
    </message>
</context>
<context>
    <name>FriendlyErrors</name>
    <message>
        <source>This lyrics file can&apos;t be read</source>
        <extracomment>The translation context of the headlines. Headlines: one plain sentence without a full stop, the first line of a message box or banner.</extracomment>
        <translation>Este archivo de letra no se puede leer</translation>
    </message>
    <message>
        <source>This file&apos;s text is in an encoding the player doesn&apos;t recognise</source>
        <translation>El texto de este archivo está en una codificación que el reproductor no reconoce</translation>
    </message>
    <message>
        <source>This file can&apos;t be found</source>
        <translation>No se encuentra este archivo</translation>
    </message>
    <message>
        <source>The song&apos;s video or audio file can&apos;t be found</source>
        <translation>No se encuentra el archivo de vídeo o audio de la canción</translation>
    </message>
    <message>
        <source>This video or audio can&apos;t be played</source>
        <translation>Este vídeo o audio no se puede reproducir</translation>
    </message>
    <message>
        <source>This song package has a mistake in it</source>
        <translation>Este paquete de canción tiene un error</translation>
    </message>
    <message>
        <source>This is not a song or lyrics file</source>
        <translation>Esto no es un archivo de canción ni de letra</translation>
    </message>
    <message>
        <source>This file can&apos;t be saved</source>
        <translation>Este archivo no se puede guardar</translation>
    </message>
    <message>
        <source>This song can&apos;t be opened</source>
        <translation>Esta canción no se puede abrir</translation>
    </message>
    <message>
        <source>This is a folder or device, not a file</source>
        <extracomment>Every code → its headline: the English source, marked for lupdate (typed ``object`` as ``QT_TRANSLATE_NOOP`` is); :func:`headline` translates it.</extracomment>
        <translation>Esto es una carpeta o un dispositivo, no un archivo</translation>
    </message>
    <message>
        <source>This is a file, not a song folder</source>
        <translation>Esto es un archivo, no una carpeta de canción</translation>
    </message>
    <message>
        <source>This file can&apos;t be opened: you may not have permission to read it</source>
        <translation>Este archivo no se puede abrir: quizá no tengas permiso para leerlo</translation>
    </message>
    <message>
        <source>This file is too large to be a song</source>
        <translation>Este archivo es demasiado grande para ser una canción</translation>
    </message>
    <message>
        <source>This folder is not a song package: it has no song.toml</source>
        <translation>Esta carpeta no es un paquete de canción: no tiene song.toml</translation>
    </message>
    <message>
        <source>The song&apos;s lyrics file can&apos;t be found</source>
        <translation>No se encuentra el archivo de letra de la canción</translation>
    </message>
    <message>
        <source>Separate lyrics need a video or audio file to go with</source>
        <translation>Una letra aparte necesita un archivo de vídeo o audio que la acompañe</translation>
    </message>
    <message>
        <source>The song&apos;s sing-along track can&apos;t be found</source>
        <translation>No se encuentra la pista para cantar (sin voz) de la canción</translation>
    </message>
    <message>
        <source>This is not a video or audio file</source>
        <translation>Esto no es un archivo de vídeo ni de audio</translation>
    </message>
    <message>
        <source>The song&apos;s translation can&apos;t be found</source>
        <translation>No se encuentra la traducción de la canción</translation>
    </message>
    <message>
        <source>This song package needs a newer version of the player</source>
        <translation>Este paquete de canción necesita una versión más reciente del reproductor</translation>
    </message>
    <message>
        <source>The player can&apos;t save this kind of file</source>
        <translation>El reproductor no puede guardar este tipo de archivo</translation>
    </message>
    <message>
        <source>These lyrics have no times to save</source>
        <translation>Esta letra no tiene tiempos que guardar</translation>
    </message>
    <message>
        <source>The timing editor&apos;s autosaved work is damaged</source>
        <translation>El trabajo guardado automáticamente al sincronizar la letra está dañado</translation>
    </message>
    <message>
        <source>This song package names a file outside its own folder</source>
        <translation>Este paquete de canción nombra un archivo fuera de su propia carpeta</translation>
    </message>
    <message>
        <source>This is not a song package file, or it is damaged</source>
        <translation>Esto no es un archivo de paquete de canción, o está dañado</translation>
    </message>
    <message>
        <source>This song package file was refused: it could harm your computer</source>
        <translation>Se rechazó este archivo de paquete de canción: podría dañar tu equipo</translation>
    </message>
    <message>
        <source>This lesson file has a mistake in it</source>
        <extracomment>What a lyrics reader refuses or repairs: the file itself is broken. A mistake in song.toml (TOML syntax, a value, a stanza, a reference). A lesson file (lesson.toml): not one, empty, or an item that does not fit its song.</extracomment>
        <translation>Este archivo de lección tiene un error</translation>
    </message>
    <message>
        <source>This file is not a lesson</source>
        <translation>Este archivo no es una lección</translation>
    </message>
    <message>
        <source>This lesson has no songs in it</source>
        <translation>Esta lección no tiene ninguna canción</translation>
    </message>
    <message>
        <source>A song of this lesson can&apos;t be found</source>
        <translation>No se encuentra una canción de esta lección</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>This song cannot be played.</source>
        <translation>Esta canción no se puede reproducir.</translation>
    </message>
</context>
<context>
    <name>LyricsView</name>
    <message>
        <source>Lyrics</source>
        <extracomment>Current line font height as a share of the widget height, before the user&apos;s text scale. With a screen size reference (projection): the current line is 1/12 of the screen height, readable from the back of a classroom. Neighbour lines&apos; font size relative to the current line&apos;s.</extracomment>
        <translation>Letra</translation>
    </message>
    <message>
        <source>The line being sung, large, between the line before and the next lines; click a line to jump there</source>
        <translation>La línea que se canta, en grande, entre la anterior y las siguientes; haz clic en una línea para ir a ella</translation>
    </message>
</context>
<context>
    <name>PlaybackSession</name>
    <message>
        <source>Vocals off does not work for this song: %1.</source>
        <extracomment>Frame tick while playing, in ms (about 60 Hz; a PreciseTimer keeps it steady). Start the clock anyway if the player has not said &quot;playing&quot; after this long. Between sung lines nothing moves but the clock on screen: a frame every this many ms. Lyrics-only songs play on this long past their last line.</extracomment>
        <translation>«Sin voz» no funciona con esta canción: %1.</translation>
    </message>
    <message>
        <source>Vocals off (sing along)</source>
        <translation>Sin voz (para cantar)</translation>
    </message>
    <message>
        <source>Vocals on</source>
        <translation>Con voz</translation>
    </message>
    <message>
        <source>key %1 semitone</source>
        <translation>tono %1 semitono</translation>
    </message>
    <message>
        <source>key %1 semitones</source>
        <translation>tono %1 semitonos</translation>
    </message>
</context>
<context>
    <name>PlayerCommand</name>
    <message>
        <source>&amp;Play / pause</source>
        <extracomment>Steps shared by the commands and the code that carries them out. How far the key may be shifted either way, in semitones (VLC&apos;s pitch filter goes to 12, but voices sound cartoonish well before that).</extracomment>
        <translation>&amp;Reproducir / pausa</translation>
    </message>
    <message>
        <source>Back 5 s</source>
        <translation>Atrás 5 s</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>Atrás 5 segundos</translation>
    </message>
    <message>
        <source>Forward 5 s</source>
        <translation>Adelante 5 s</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Adelante 5 segundos</translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation>Línea anterior</translation>
    </message>
    <message>
        <source>Next line</source>
        <translation>Línea siguiente</translation>
    </message>
    <message>
        <source>Previous stanza</source>
        <translation>Estrofa anterior</translation>
    </message>
    <message>
        <source>Next stanza</source>
        <translation>Estrofa siguiente</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Más lento</translation>
    </message>
    <message>
        <source>Slower (down to 0.5×, pitch kept)</source>
        <translation>Más lento (hasta 0,5×, sin cambiar el tono)</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Más rápido</translation>
    </message>
    <message>
        <source>Faster (up to 1.5×)</source>
        <translation>Más rápido (hasta 1,5×)</translation>
    </message>
    <message>
        <source>Normal speed</source>
        <translation>Velocidad normal</translation>
    </message>
    <message>
        <source>Lyrics earlier (−50 ms)</source>
        <translation>Letra antes (−50 ms)</translation>
    </message>
    <message>
        <source>Lyrics 50 ms earlier (like VLC)</source>
        <translation>Letra 50 ms antes (como en VLC)</translation>
    </message>
    <message>
        <source>Lyrics later (+50 ms)</source>
        <translation>Letra después (+50 ms)</translation>
    </message>
    <message>
        <source>Lyrics 50 ms later (like VLC)</source>
        <translation>Letra 50 ms después (como en VLC)</translation>
    </message>
    <message>
        <source>&amp;Vocals off (sing along)</source>
        <translation>Sin &amp;voz (para cantar)</translation>
    </message>
    <message>
        <source>Vocals off (sing along): the instrumental track, or the voice filtered out</source>
        <translation>Sin voz (para cantar): la pista instrumental, o la voz filtrada</translation>
    </message>
    <message>
        <source>Key down</source>
        <translation>Bajar el tono</translation>
    </message>
    <message>
        <source>Key a semitone lower (speed kept)</source>
        <translation>Tono un semitono más bajo (sin cambiar la velocidad)</translation>
    </message>
    <message>
        <source>Key up</source>
        <translation>Subir el tono</translation>
    </message>
    <message>
        <source>Key a semitone higher (speed kept)</source>
        <translation>Tono un semitono más alto (sin cambiar la velocidad)</translation>
    </message>
    <message>
        <source>Original key</source>
        <translation>Tono original</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Silenciar</translation>
    </message>
    <message>
        <source>Bigger lyrics (also %1 + mouse wheel)</source>
        <translation>Letra más grande (también %1 + rueda del ratón)</translation>
    </message>
    <message>
        <source>Li&amp;brary…</source>
        <translation>&amp;Biblioteca…</translation>
    </message>
    <message>
        <source>Volume down (−5%)</source>
        <translation>Bajar el volumen (−5 %)</translation>
    </message>
    <message>
        <source>Volume up (+5%)</source>
        <translation>Subir el volumen (+5 %)</translation>
    </message>
    <message>
        <source>&amp;Explanation panel</source>
        <translation>Panel de &amp;explicación</translation>
    </message>
    <message>
        <source>Show / hide the explanation panel</source>
        <translation>Mostrar / ocultar el panel de explicación</translation>
    </message>
    <message>
        <source>&amp;Fullscreen</source>
        <translation>Pantalla &amp;completa</translation>
    </message>
    <message>
        <source>Leave fullscreen</source>
        <translation>Salir de la pantalla completa</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Smaller lyrics</source>
        <translation>Letra más pequeña</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Tamaño de texto normal</translation>
    </message>
    <message>
        <source>Normal lyrics size</source>
        <translation>Tamaño de letra normal</translation>
    </message>
    <message>
        <source>&amp;Present to a class</source>
        <translation>&amp;Presentar a la clase</translation>
    </message>
    <message>
        <source>Present to a class (audience screen + presenter console)</source>
        <translation>Presentar a la clase (pantalla del público + consola del presentador)</translation>
    </message>
    <message>
        <source>&amp;Teaching pauses</source>
        <translation>Pausas &amp;didácticas</translation>
    </message>
    <message>
        <source>Teaching pauses: stop at the end of each stanza to explain it</source>
        <translation>Pausas didácticas: se detiene al final de cada estrofa para que la expliques</translation>
    </message>
    <message>
        <source>&amp;Open song…</source>
        <translation>&amp;Abrir canción…</translation>
    </message>
    <message>
        <source>Open a song</source>
        <translation>Abrir una canción</translation>
    </message>
    <message>
        <source>Open &amp;media…</source>
        <translation>Abrir &amp;vídeo o audio…</translation>
    </message>
    <message>
        <source>The song library: find, open, present or remove a song</source>
        <translation>La biblioteca de canciones: buscar, abrir, presentar o quitar una canción</translation>
    </message>
    <message>
        <source>&amp;New lesson…</source>
        <translation>N&amp;ueva lección…</translation>
    </message>
    <message>
        <source>Build a lesson from the library&apos;s songs</source>
        <translation>Preparar una lección con las canciones de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Export study pack…</source>
        <translation>E&amp;xportar material de estudio…</translation>
    </message>
    <message>
        <source>A printable PDF of the song or lesson, to take home</source>
        <translation>Un PDF imprimible de la canción o la lección, para llevar a casa</translation>
    </message>
    <message>
        <source>Open &amp;lyrics…</source>
        <translation>Abrir &amp;letra…</translation>
    </message>
    <message>
        <source>&amp;Time lyrics…</source>
        <translation>Si&amp;ncronizar la letra…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Wider spacing</source>
        <translation>Espaciado más &amp;amplio</translation>
    </message>
    <message>
        <source>Easy-&amp;reading font</source>
        <translation>Tipografía de lectura &amp;fácil</translation>
    </message>
    <message>
        <source>Easy-reading font for dyslexic readers (Atkinson Hyperlegible, wider letter spacing)</source>
        <translation>Tipografía de lectura fácil para lectores con dislexia (Atkinson Hyperlegible, letras más espaciadas)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>A&amp;tajos de teclado</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Esta lista</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
</context>
<context>
    <name>PlayerFactory</name>
    <message>
        <source>The video cannot play: %1 The lyrics play on their own.</source>
        <extracomment>Makes the player for a song; returns it with a warning for the banner (e.g. &quot;VLC missing&quot;).</extracomment>
        <translation>El vídeo no se puede reproducir: %1 La letra sigue sola.</translation>
    </message>
</context>
<context>
    <name>PresentCommand</name>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next line — or, in a teaching pause, continue</source>
        <translation>Línea siguiente (en una pausa didáctica: continuar)</translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation>Línea anterior</translation>
    </message>
    <message>
        <source>Next stanza</source>
        <translation>Estrofa siguiente</translation>
    </message>
    <message>
        <source>Previous stanza</source>
        <translation>Estrofa anterior</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Reproducir / pausa</translation>
    </message>
    <message>
        <source>Black out</source>
        <translation>Pantalla en negro</translation>
    </message>
    <message>
        <source>Black out the audience screen / bring it back</source>
        <translation>Poner en negro la pantalla del público / volver a mostrarla</translation>
    </message>
    <message>
        <source>Teaching pauses</source>
        <translation>Pausas didácticas</translation>
    </message>
    <message>
        <source>Teaching pauses on / off</source>
        <translation>Pausas didácticas activadas / desactivadas</translation>
    </message>
    <message>
        <source>Stop presenting</source>
        <translation>Dejar de presentar</translation>
    </message>
    <message>
        <source>Stop presenting (back to the normal window)</source>
        <translation>Dejar de presentar (volver a la ventana normal)</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Bigger text on this projector (also %1 + wheel; remembered per screen)</source>
        <translation>Texto más grande en este proyector (también %1 + rueda; se recuerda para cada pantalla)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Smaller text on this projector</source>
        <translation>Texto más pequeño en este proyector</translation>
    </message>
    <message>
        <source>Lyrics earlier</source>
        <translation>Letra antes</translation>
    </message>
    <message>
        <source>Lyrics 50 ms earlier</source>
        <translation>Letra 50 ms antes</translation>
    </message>
    <message>
        <source>Lyrics later</source>
        <translation>Letra después</translation>
    </message>
    <message>
        <source>Lyrics 50 ms later</source>
        <translation>Letra 50 ms después</translation>
    </message>
    <message>
        <source>Vocals off</source>
        <translation>Sin voz</translation>
    </message>
    <message>
        <source>Vocals off (sing along) / back on</source>
        <translation>Sin voz (para cantar) / con voz</translation>
    </message>
    <message>
        <source>Key down</source>
        <translation>Bajar el tono</translation>
    </message>
    <message>
        <source>Key a semitone lower</source>
        <translation>Tono un semitono más bajo</translation>
    </message>
    <message>
        <source>Key up</source>
        <translation>Subir el tono</translation>
    </message>
    <message>
        <source>Key a semitone higher</source>
        <translation>Tono un semitono más alto</translation>
    </message>
    <message>
        <source>Key idea beside the video</source>
        <translation>Idea clave junto al vídeo</translation>
    </message>
    <message>
        <source>Show / hide the key idea beside the video</source>
        <translation>Mostrar / ocultar la idea clave junto al vídeo</translation>
    </message>
    <message>
        <source>Next sources</source>
        <translation>Fuentes siguientes</translation>
    </message>
    <message>
        <source>In a teaching pause, the next page of QR codes of the sources (if more than two)</source>
        <translation>En una pausa didáctica, la siguiente página de códigos QR de las fuentes (si hay más de dos)</translation>
    </message>
    <message>
        <source>Teacher&apos;s notes on the screen</source>
        <translation>Notas del docente en pantalla</translation>
    </message>
    <message>
        <source>Notes for the teacher and the time on the audience screen, for some seconds (again: hide)</source>
        <translation>Notas para el docente y la hora en la pantalla del público, durante unos segundos (otra vez: ocultar)</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Audience view fullscreen / in a window</source>
        <translation>Vista del público: pantalla completa / ventana</translation>
    </message>
    <message>
        <source>Join code for phones</source>
        <translation>Código para unirse desde el móvil</translation>
    </message>
    <message>
        <source>Show / hide the QR code and address students open on their phones</source>
        <translation>Mostrar / ocultar el código QR y la dirección que los estudiantes abren en sus móviles</translation>
    </message>
    <message>
        <source>Question: ask / reveal / close</source>
        <translation>Pregunta: hacer / mostrar la respuesta / cerrar</translation>
    </message>
    <message>
        <source>At a teaching pause, the stanza&apos;s question: ask it, reveal the answer, close it</source>
        <translation>En una pausa didáctica: hacer la pregunta, mostrar la respuesta, cerrarla</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <extracomment>The Type column of the file list. Qt asks for &quot;Folder&quot; with the disambiguation &quot;All other platforms&quot;; a translator that has it without one answers too (Qt retries without it).</extracomment>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Tipo de archivo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre de archivo:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver atrás</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Ir adelante</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Carpeta superior</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ir a la carpeta superior</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Crear carpeta nueva</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Crear una carpeta nueva</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Vista de lista</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Cambiar a la vista de lista</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Vista detallada</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Cambiar a la vista detallada</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Barra lateral</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Lista de lugares y marcadores</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Lugares recientes</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Buscar carpeta</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Seleccionar</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Cambia&amp;r de nombre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Mostrar archivos &amp;ocultos</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Nueva carpeta</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>No se pudo borrar la carpeta.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ya existe.
¿Quieres reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Comprueba que el nombre del archivo sea correcto.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
No se encontró la carpeta.
Comprueba que el nombre de la carpeta sea correcto.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>«%1» está protegido contra escritura.
¿Quieres borrarlo de todos modos?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>¿Seguro que quieres borrar «%1»?</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Dark</source>
        <extracomment>White on black; yellow selection and focus, cyan links: every text 7:1 or more. English, marked for translation: show ``QCoreApplication.translate(&quot;Theme&quot;, label)``. The unsung text of each singer of a duet (see :func:`singer_slots`), instead of ``unsung``: each readable on ``background`` (4.5:1 at least) and far from ``sung``, so the wipe shows. The current line&apos;s part not yet sung: a mid grey, dimmed against ``sung`` by 3:1 or more in luminance so the wipe reads by brightness, not hue (colour-blind people, washed-out projectors), yet 4.5:1 or more on ``background``. The current line is large text (WCAG&apos;s &quot;large&quot;: at least 1/12 of a projector&apos;s height), for which AAA asks 4.5:1, not 7:1. The window palette that goes with the theme (:func:`palette_for`).</extracomment>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
</context>
<context>
    <name>TimingCommand</name>
    <message>
        <source>&amp;Tap: next line starts</source>
        <translation>&amp;Marcar: empieza la línea siguiente</translation>
    </message>
    <message>
        <source>Tap: the next line starts now (ends the line before); while paused, play</source>
        <translation>Marcar: la línea siguiente empieza ahora (termina la anterior); en pausa, reproduce</translation>
    </message>
    <message>
        <source>&amp;End the current line</source>
        <translation>&amp;Terminar la línea actual</translation>
    </message>
    <message>
        <source>The current line ends now (otherwise the next start ends it)</source>
        <translation>La línea actual termina ahora (si no, la termina el inicio de la siguiente)</translation>
    </message>
    <message>
        <source>&amp;Word mode</source>
        <translation>Modo &amp;palabra</translation>
    </message>
    <message>
        <source>Word mode on / off: each tap starts the next word</source>
        <translation>Modo palabra activado / desactivado: cada marca inicia la palabra siguiente</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the last tap or change</source>
        <translation>Deshacer la última marca o cambio</translation>
    </message>
    <message>
        <source>Choose the line above</source>
        <translation>Elegir la línea de arriba</translation>
    </message>
    <message>
        <source>Choose the line below</source>
        <translation>Elegir la línea de abajo</translation>
    </message>
    <message>
        <source>&amp;Re-tap from the chosen line</source>
        <translation>&amp;Volver a marcar desde la línea elegida</translation>
    </message>
    <message>
        <source>Re-tap from the chosen line (plays from a little before it)</source>
        <translation>Volver a marcar desde la línea elegida (reproduce desde un poco antes)</translation>
    </message>
    <message>
        <source>Start 10 ms earlier</source>
        <translation>Inicio 10 ms antes</translation>
    </message>
    <message>
        <source>Chosen line starts 10 ms earlier</source>
        <translation>La línea elegida empieza 10 ms antes</translation>
    </message>
    <message>
        <source>Start 10 ms later</source>
        <translation>Inicio 10 ms después</translation>
    </message>
    <message>
        <source>Chosen line starts 10 ms later</source>
        <translation>La línea elegida empieza 10 ms después</translation>
    </message>
    <message>
        <source>Start 100 ms earlier</source>
        <translation>Inicio 100 ms antes</translation>
    </message>
    <message>
        <source>Chosen line starts 100 ms earlier</source>
        <translation>La línea elegida empieza 100 ms antes</translation>
    </message>
    <message>
        <source>Start 100 ms later</source>
        <translation>Inicio 100 ms después</translation>
    </message>
    <message>
        <source>Chosen line starts 100 ms later</source>
        <translation>La línea elegida empieza 100 ms después</translation>
    </message>
    <message>
        <source>End 10 ms earlier</source>
        <translation>Final 10 ms antes</translation>
    </message>
    <message>
        <source>Chosen line ends 10 ms earlier</source>
        <translation>La línea elegida termina 10 ms antes</translation>
    </message>
    <message>
        <source>End 10 ms later</source>
        <translation>Final 10 ms después</translation>
    </message>
    <message>
        <source>Chosen line ends 10 ms later</source>
        <translation>La línea elegida termina 10 ms después</translation>
    </message>
    <message>
        <source>End 100 ms earlier</source>
        <translation>Final 100 ms antes</translation>
    </message>
    <message>
        <source>Chosen line ends 100 ms earlier</source>
        <translation>La línea elegida termina 100 ms antes</translation>
    </message>
    <message>
        <source>End 100 ms later</source>
        <translation>Final 100 ms después</translation>
    </message>
    <message>
        <source>Chosen line ends 100 ms later</source>
        <translation>La línea elegida termina 100 ms después</translation>
    </message>
    <message>
        <source>&amp;Loop the chosen line</source>
        <translation>Repetir en &amp;bucle la línea elegida</translation>
    </message>
    <message>
        <source>Loop the chosen line (again: stop)</source>
        <translation>Repetir en bucle la línea elegida (otra vez: parar)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>&amp;Reproducir / pausa</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Reproducir / pausa</translation>
    </message>
    <message>
        <source>Back 5 s</source>
        <translation>Atrás 5 s</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>Atrás 5 segundos</translation>
    </message>
    <message>
        <source>Forward 5 s</source>
        <translation>Adelante 5 s</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Adelante 5 segundos</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>Al principio</translation>
    </message>
    <message>
        <source>To the start of the media</source>
        <translation>Al principio del vídeo o audio</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Más lento</translation>
    </message>
    <message>
        <source>Slower (down to 0.5×, pitch kept)</source>
        <translation>Más lento (hasta 0,5×, sin cambiar el tono)</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Más rápido</translation>
    </message>
    <message>
        <source>Faster (up to 1×)</source>
        <translation>Más rápido (hasta 1×)</translation>
    </message>
    <message>
        <source>Normal speed</source>
        <translation>Velocidad normal</translation>
    </message>
    <message>
        <source>Normal speed (1×)</source>
        <translation>Velocidad normal (1×)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Guardar c&amp;omo…</translation>
    </message>
    <message>
        <source>Save as… (.srt, or .lrc to keep word timings)</source>
        <translation>Guardar como… (.srt, o .lrc para conservar los tiempos de las palabras)</translation>
    </message>
    <message>
        <source>Save as song &amp;package…</source>
        <translation>Guardar como &amp;paquete de canción…</translation>
    </message>
    <message>
        <source>Save as a song package (folder with song.toml)</source>
        <translation>Guardar como paquete de canción (carpeta con song.toml)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Teclas</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Esta lista</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation>Cerrar el editor</translation>
    </message>
</context>
<context>
    <name>TimingController</name>
    <message>
        <source>No waveform</source>
        <extracomment>R (and a double-click) plays from this long before the line, to catch the beat. L loops from this long before the chosen line&apos;s start, to hear whether it starts on time. How often a loop checks whether its line has ended, in ms. Tapping speeds: slower helps with fast lines; times are media times whatever the speed. What each nudge command moves, and by how many ms.</extracomment>
        <translation>Sin forma de onda</translation>
    </message>
    <message>
        <source>No waveform: %1</source>
        <translation>Sin forma de onda: %1</translation>
    </message>
    <message>
        <source>Loop stopped. Tap again to mark.</source>
        <translation>Bucle detenido. Marca de nuevo para seguir.</translation>
    </message>
    <message>
        <source>Playing. %1</source>
        <translation>Reproduciendo. %1</translation>
    </message>
    <message>
        <source>Tap when the last line ends, or choose a line and press R.</source>
        <translation>Marca cuando termine la última línea, o elige una línea y pulsa R.</translation>
    </message>
    <message>
        <source>Tap when line %1 starts.</source>
        <translation>Marca cuando empiece la línea %1.</translation>
    </message>
    <message>
        <source>Line %1: word %2 starts at %3</source>
        <translation>Línea %1: la palabra %2 empieza en %3</translation>
    </message>
    <message>
        <source>Line %1 starts at %2</source>
        <extracomment>A sentence for people, made in the interface&apos;s language each time it is called: what the editor says is passed on as such, so a window can say it again after a language change.</extracomment>
        <translation>La línea %1 empieza en %2</translation>
    </message>
    <message>
        <source>Line %1 ends at %2</source>
        <translation>La línea %1 termina en %2</translation>
    </message>
    <message>
        <source>Undone. %1</source>
        <translation>Deshecho. %1</translation>
    </message>
    <message>
        <source>Re-tapping from line %1: tap when it starts.</source>
        <translation>Volviendo a marcar desde la línea %1: marca cuando empiece.</translation>
    </message>
    <message>
        <source>Word mode: each tap starts the next word.</source>
        <translation>Modo palabra: cada marca inicia la palabra siguiente.</translation>
    </message>
    <message>
        <source>Line mode: each tap starts the next line.</source>
        <translation>Modo línea: cada marca inicia la línea siguiente.</translation>
    </message>
    <message>
        <source>Word timings are saved in .lrc files only: save with File ▸ Save as… and a name ending in .lrc (or as a song package) to keep them.</source>
        <translation>Los tiempos por palabra solo se guardan en archivos .lrc: para conservarlos, guarda con Archivo ▸ Guardar como… y un nombre terminado en .lrc (o como paquete de canción).</translation>
    </message>
    <message>
        <source>Speed %1 — times stay media times.</source>
        <translation>Velocidad %1: los tiempos siguen siendo los del vídeo o audio.</translation>
    </message>
    <message>
        <source>Line %1 has no time yet.</source>
        <translation>La línea %1 aún no tiene tiempo.</translation>
    </message>
    <message>
        <source>Loop stopped.</source>
        <translation>Bucle detenido.</translation>
    </message>
    <message>
        <source>Line %1 has no time yet: nothing to loop.</source>
        <translation>La línea %1 aún no tiene tiempo: no hay nada que repetir.</translation>
    </message>
    <message>
        <source>Looping line %1: nudge its start with %2, its end with %3; L stops.</source>
        <translation>Repitiendo la línea %1: ajusta su inicio con %2 y su final con %3; L detiene la repetición.</translation>
    </message>
    <message>
        <source>%1 The clock goes on without sound.</source>
        <translation>%1 El reloj sigue sin sonido.</translation>
    </message>
</context>
<context>
    <name>TimingDocument</name>
    <message>
        <source>Autosave works again.</source>
        <translation>El guardado automático vuelve a funcionar.</translation>
    </message>
    <message>
        <source>An autosave journal was found but cannot be read (%1); starting afresh.</source>
        <translation>Se encontró un registro de guardado automático, pero no se puede leer (%1); se empieza de cero.</translation>
    </message>
    <message>
        <source>Nothing is timed yet: play (%1) and tap (%2) as each line starts.</source>
        <translation>Aún no hay tiempos: reproduce (%1) y marca (%2) cuando empiece cada línea.</translation>
    </message>
    <message>
        <source>Resumed as before the editor closed (lines timed: %1 of %2).</source>
        <translation>Recuperado como estaba antes de cerrar el editor (líneas con tiempo: %1 de %2).</translation>
    </message>
    <message>
        <source>1 unreadable journal entry was skipped.</source>
        <translation>Se omitió 1 entrada ilegible del registro.</translation>
    </message>
    <message>
        <source>%1 unreadable journal entries were skipped.</source>
        <translation>Se omitieron %1 entradas ilegibles del registro.</translation>
    </message>
    <message>
        <source>Saved %1 (1 line).</source>
        <translation>Guardado %1 (1 línea).</translation>
    </message>
    <message>
        <source>Saved %1 (%2 lines).</source>
        <translation>Guardado %1 (%2 líneas).</translation>
    </message>
    <message>
        <source>The old file is kept as %1.</source>
        <translation>El archivo anterior se conserva como %1.</translation>
    </message>
    <message>
        <source>Word timings are not in a SubRip file: Save as… .lrc keeps them.</source>
        <translation>Un archivo SubRip no guarda los tiempos por palabra: Guardar como… .lrc los conserva.</translation>
    </message>
    <message>
        <source>Play it: %1</source>
        <translation>Para reproducirlo: %1</translation>
    </message>
    <message>
        <source>Song package saved in %1. Write the stanza explanations in %2; &apos;karaoke check %1&apos; lists what is missing. Play it: karaoke %1</source>
        <translation>Paquete de canción guardado en %1. Escribe las explicaciones de las estrofas en %2; &apos;karaoke check %1&apos; indica lo que falta. Para reproducirlo: karaoke %1</translation>
    </message>
    <message>
        <source>Autosave is not working — %1. Your taps are kept while the editor is open: save them (%2), or elsewhere with File ▸ Save as…</source>
        <extracomment>How long the sentence after a save (it holds the command to play the result) shows, in ms. How long &quot;Resumed: …&quot; shows, in ms. How a key is named in a sentence (&quot;Ctrl+S&quot; → &quot;Control+S&quot; in Spanish): the window gives Qt&apos;s names, as its menus show them (this layer has no QtGui to ask).</extracomment>
        <translation>El guardado automático no funciona: %1. Tus marcas se conservan mientras el editor esté abierto: guárdalas (%2) o en otro lugar con Archivo ▸ Guardar como…</translation>
    </message>
    <message>
        <source>Not saved — %1. Your taps are safe (in memory): free some space, or choose another place with File ▸ Save as…</source>
        <translation>No se ha guardado: %1. Tus marcas están a salvo (en memoria): libera espacio o elige otro lugar con Archivo ▸ Guardar como…</translation>
    </message>
    <message>
        <source>Not saved — %1. Your taps are safe (in memory and in the autosave journal): free some space, or choose another place with File ▸ Save as…</source>
        <translation>No se ha guardado: %1. Tus marcas están a salvo (en memoria y en el registro de guardado automático): libera espacio o elige otro lugar con Archivo ▸ Guardar como…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>No se ha guardado.</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Position in the song</source>
        <translation>Posición en la canción</translation>
    </message>
    <message>
        <source>Position in the song: click or drag to go there</source>
        <translation>Posición en la canción: haz clic o arrastra para ir allí</translation>
    </message>
    <message>
        <source>Time played / length</source>
        <translation>Tiempo transcurrido / duración</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Speed (pitch kept)</source>
        <translation>Velocidad (sin cambiar el tono)</translation>
    </message>
</context>
<context>
    <name>VideoSurface</name>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
</context>
<context>
    <name>WaveformLoader</name>
    <message>
        <source>the audio could not be read (%1)</source>
        <translation>no se pudo leer el audio (%1)</translation>
    </message>
</context>
</TS>
