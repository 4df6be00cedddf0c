// Browser entry: mounts the app shell. The current screen's chunk is asked for first (preload-screen.ts).
import './preload-screen';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target });
