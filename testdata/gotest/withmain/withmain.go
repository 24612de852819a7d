// Package withmain has a TestMain.
package withmain

var Ready bool
